package io.kreactor.informers.workqueue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import reactor.core.scheduler.Scheduler;

/**
 * Decides how long a key waits before it is queued again after a failure, the counterpart of client-go's
 * {@code workqueue.TypedRateLimiter}. {@link WorkQueue#addRateLimited} asks {@link #when} for the delay;
 * {@link WorkQueue#forget} calls {@link #forget} once the key has been processed successfully so that its
 * next failure starts again from the shortest delay.
 *
 * <p>Implementations are thread-safe and never block: {@link #when} is called from whichever thread
 * re-queues a key.
 *
 * @param <K> the key type
 */
public interface RateLimiter<K> {

    /** Client-go's per-item base delay in {@link #defaultControllerRateLimiter}: 5 ms. */
    Duration DEFAULT_BASE_DELAY = Duration.ofMillis(5);

    /** Client-go's per-item maximum delay in {@link #defaultControllerRateLimiter}: 1000 s. */
    Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(1000);

    /** Client-go's overall rate in {@link #defaultControllerRateLimiter}: 10 keys per second. */
    double DEFAULT_QPS = 10;

    /** Client-go's overall burst in {@link #defaultControllerRateLimiter}: 100 keys. */
    int DEFAULT_BURST = 100;

    /** Records one more failure of {@code key} and returns how long it must wait before it is queued again. */
    Duration when(K key);

    /** Stops tracking {@code key}: its failure count goes back to zero. */
    void forget(K key);

    /** How many times {@code key} has been re-queued through this limiter since it was last forgotten. */
    int numRequeues(K key);

    /**
     * Per-key exponential backoff, client-go's {@code ItemExponentialFailureRateLimiter}: the n-th failure
     * of a key (counting from zero) waits {@code baseDelay × 2ⁿ}, capped at {@code maxDelay}.
     *
     * @throws IllegalArgumentException when a delay is negative or {@code baseDelay > maxDelay}
     */
    static <K> RateLimiter<K> exponentialFailure(Duration baseDelay, Duration maxDelay) {
        return new ItemExponentialFailureRateLimiter<>(baseDelay, maxDelay);
    }

    /**
     * Client-go's {@code ItemFastSlowRateLimiter}: a key's first {@code maxFastAttempts} failures wait
     * {@code fastDelay}, later ones {@code slowDelay}, until it is forgotten.
     *
     * @throws IllegalArgumentException when a delay or the attempt count is negative
     */
    static <K> RateLimiter<K> fastSlow(Duration fastDelay, Duration slowDelay, int maxFastAttempts) {
        return new ItemFastSlowRateLimiter<>(fastDelay, slowDelay, maxFastAttempts);
    }

    /**
     * An overall token bucket shared by every key, client-go's {@code BucketRateLimiter} over
     * {@code golang.org/x/time/rate}: the bucket holds up to {@code burst} tokens, refills at {@code qps}
     * tokens per second, starts full, and each {@link #when} call takes one token, waiting for it when the
     * bucket is empty. Time is read from {@code clock} ({@link Scheduler#now}) so tests can use virtual time.
     *
     * @throws IllegalArgumentException when {@code qps} is not positive or {@code burst} is below 1
     */
    static <K> RateLimiter<K> tokenBucket(double qps, int burst, Scheduler clock) {
        return new BucketRateLimiter<>(qps, burst, clock);
    }

    /**
     * Asks every limiter and waits for the longest of their delays, client-go's {@code MaxOfRateLimiter}.
     * {@link #forget} forgets in all of them; {@link #numRequeues} is the largest of their counts.
     */
    @SafeVarargs
    static <K> RateLimiter<K> maxOf(RateLimiter<K>... limiters) {
        return new MaxOfRateLimiter<>(List.of(limiters));
    }

    /**
     * Client-go's {@code DefaultTypedControllerRateLimiter}: the longer of a per-key exponential backoff
     * (5 ms doubling up to 1000 s) and an overall token bucket (10 qps, burst 100), so one failing key backs
     * off on its own and a storm of failures cannot re-queue more than 10 keys per second overall.
     */
    static <K> RateLimiter<K> defaultControllerRateLimiter(Scheduler clock) {
        Objects.requireNonNull(clock, "clock");
        return maxOf(exponentialFailure(DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY), tokenBucket(DEFAULT_QPS, DEFAULT_BURST, clock));
    }
}
