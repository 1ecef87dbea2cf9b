/**
 * Client-side rate limiting of requests to the API server, as client-go's {@code flowcontrol} package does
 * it: a token bucket (5 QPS with a burst of 10 by default) whose waits are timers, never blocked threads.
 * See {@link io.kreactor.rest.ratelimit.RateLimiter}.
 */
package io.kreactor.rest.ratelimit;
