package io.kreactor.rest.transport;

import io.kreactor.rest.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

/**
 * Client-side rate limiting: every attempt (retries included, as in client-go's request loop) waits for a
 * permit from the {@link RateLimiter} before it is sent. The wait is a timer, never a blocked thread, and
 * cancelling a waiting request gives the permit up.
 */
final class RateLimitFilter implements ExchangeFilter {

    private final RateLimiter limiter;

    RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<ClientResponse> filter(TransportRequest request, ExchangeFunction next) {
        return limiter.acquire().then(Mono.defer(() -> next.exchange(request)));
    }
}
