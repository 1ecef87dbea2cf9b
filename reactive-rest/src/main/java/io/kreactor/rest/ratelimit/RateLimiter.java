package io.kreactor.rest.ratelimit;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Paces requests to the API server, like client-go's {@code flowcontrol.RateLimiter}: the transport
 * subscribes to {@link #acquire()} before sending each request and sends when it completes.
 *
 * <p>Waiting never blocks a thread: a request that must wait gets a timer on a {@link Scheduler}. Waiters
 * are served in the order they subscribed to {@code acquire()} (FIFO). Cancelling a waiting acquire (the
 * request was cancelled or timed out) never leaks a permit: see {@link #tokenBucket(double, int, Scheduler)}.
 *
 * <p>Implementations are thread-safe and shared by every request of a client.
 */
public interface RateLimiter {

    /** client-go's default queries per second for a client ({@code rest.DefaultQPS}). */
    double DEFAULT_QPS = 5.0;

    /** client-go's default burst for a client ({@code rest.DefaultBurst}). */
    int DEFAULT_BURST = 10;

    /**
     * Waits for a permit to send one request. The permit is reserved when the returned {@code Mono} is
     * subscribed (not when this method is called) and a new one on every subscription.
     *
     * @return completes, empty, when the request may be sent
     */
    Mono<Void> acquire();

    /** A limiter that never delays; {@link #acquire()} completes at once. */
    static RateLimiter unlimited() {
        return UnlimitedRateLimiter.INSTANCE;
    }

    /** A token bucket with client-go's defaults: {@value #DEFAULT_QPS} QPS, burst {@value #DEFAULT_BURST}. */
    static RateLimiter defaults() {
        return tokenBucket(DEFAULT_QPS, DEFAULT_BURST);
    }

    /**
     * A token bucket (client-go's {@code flowcontrol.NewTokenBucketRateLimiter}) timed by
     * {@link Schedulers#parallel()}.
     *
     * @param qps   permits per second; must be positive and finite
     * @param burst the bucket size; must be at least 1
     * @return the limiter
     * @see #tokenBucket(double, int, Scheduler)
     */
    static RateLimiter tokenBucket(double qps, int burst) {
        return tokenBucket(qps, burst, Schedulers.parallel());
    }

    /**
     * A token bucket holding up to {@code burst} permits, refilled at {@code qps} per second and full at
     * the start: the first {@code burst} acquires pass at once, later ones are spaced {@code 1/qps} seconds
     * apart. Each waiting acquire reserves its slot when subscribed, so waiters complete in subscription
     * order. A waiting acquire that is cancelled gives its permit back when no later waiter has reserved
     * after it; otherwise its slot simply passes unused (returning it would let a newcomer overtake the
     * waiters queued behind it). Either way nothing accumulates.
     *
     * @param qps       permits per second; must be positive and finite
     * @param burst     the bucket size; must be at least 1
     * @param scheduler supplies the clock ({@link Scheduler#now}) and the timers of waiting acquires; pass a
     *                  {@code VirtualTimeScheduler} in tests
     * @return the limiter
     * @throws IllegalArgumentException when {@code qps} or {@code burst} is out of range
     */
    static RateLimiter tokenBucket(double qps, int burst, Scheduler scheduler) {
        return new TokenBucketRateLimiter(qps, burst, scheduler);
    }
}
