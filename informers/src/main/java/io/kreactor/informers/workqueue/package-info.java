/**
 * Client-go's {@code util/workqueue} for Reactor: a coalescing, delaying, rate-limited {@link
 * io.kreactor.informers.workqueue.WorkQueue} whose keys are consumed as a demand-driven {@code Flux}, and the
 * {@link io.kreactor.informers.workqueue.RateLimiter}s that pace retries (per-key exponential backoff, token
 * bucket, fast/slow, max-of — client-go's defaults included).
 */
package io.kreactor.informers.workqueue;
