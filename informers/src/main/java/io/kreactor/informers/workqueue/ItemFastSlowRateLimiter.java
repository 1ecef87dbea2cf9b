package io.kreactor.informers.workqueue;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Fast retries first, then slow ones; see {@link RateLimiter#fastSlow}. */
final class ItemFastSlowRateLimiter<K> implements RateLimiter<K> {

    private final Duration fastDelay;
    private final Duration slowDelay;
    private final int maxFastAttempts;
    private final Map<K, Integer> failures = new ConcurrentHashMap<>();

    ItemFastSlowRateLimiter(Duration fastDelay, Duration slowDelay, int maxFastAttempts) {
        this.fastDelay = Objects.requireNonNull(fastDelay, "fastDelay");
        this.slowDelay = Objects.requireNonNull(slowDelay, "slowDelay");
        if (fastDelay.isNegative() || slowDelay.isNegative() || maxFastAttempts < 0) {
            throw new IllegalArgumentException("fast/slow limiter needs non-negative delays and attempts, got fastDelay=" + fastDelay
                    + " slowDelay=" + slowDelay + " maxFastAttempts=" + maxFastAttempts);
        }
        this.maxFastAttempts = maxFastAttempts;
    }

    @Override
    public Duration when(K key) {
        return failures.merge(key, 1, Integer::sum) <= maxFastAttempts ? fastDelay : slowDelay;
    }

    @Override
    public void forget(K key) {
        failures.remove(key);
    }

    @Override
    public int numRequeues(K key) {
        return failures.getOrDefault(key, 0);
    }
}
