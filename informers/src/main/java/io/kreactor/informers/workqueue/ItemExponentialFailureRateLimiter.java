package io.kreactor.informers.workqueue;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Per-key exponential backoff; see {@link RateLimiter#exponentialFailure}. */
final class ItemExponentialFailureRateLimiter<K> implements RateLimiter<K> {

    private final long baseNanos;
    private final Duration maxDelay;
    private final Map<K, Integer> failures = new ConcurrentHashMap<>();

    ItemExponentialFailureRateLimiter(Duration baseDelay, Duration maxDelay) {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (baseDelay.isNegative() || maxDelay.isNegative() || baseDelay.compareTo(maxDelay) > 0) {
            throw new IllegalArgumentException("exponential backoff needs 0 <= baseDelay <= maxDelay, got baseDelay="
                    + baseDelay + " maxDelay=" + maxDelay);
        }
        this.baseNanos = baseDelay.toNanos();
        this.maxDelay = maxDelay;
    }

    @Override
    public Duration when(K key) {
        int exp = failures.merge(key, 1, Integer::sum) - 1;
        // Computed in floating point, as client-go does, so a large exponent saturates instead of overflowing.
        double backoff = baseNanos * Math.pow(2, exp);
        if (backoff >= Long.MAX_VALUE || backoff >= maxDelay.toNanos()) {
            return maxDelay;
        }
        return Duration.ofNanos((long) backoff);
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
