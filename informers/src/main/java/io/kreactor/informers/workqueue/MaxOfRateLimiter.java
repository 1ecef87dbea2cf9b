package io.kreactor.informers.workqueue;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** The longest delay of several limiters; see {@link RateLimiter#maxOf}. */
final class MaxOfRateLimiter<K> implements RateLimiter<K> {

    private final List<RateLimiter<K>> limiters;

    MaxOfRateLimiter(List<RateLimiter<K>> limiters) {
        if (limiters.isEmpty()) {
            throw new IllegalArgumentException("maxOf needs at least one rate limiter");
        }
        limiters.forEach(l -> Objects.requireNonNull(l, "limiter"));
        this.limiters = limiters;
    }

    @Override
    public Duration when(K key) {
        // Every limiter must see the call (each counts failures or takes a token), so none is skipped.
        Duration longest = Duration.ZERO;
        for (RateLimiter<K> limiter : limiters) {
            Duration d = limiter.when(key);
            if (d.compareTo(longest) > 0) {
                longest = d;
            }
        }
        return longest;
    }

    @Override
    public void forget(K key) {
        limiters.forEach(l -> l.forget(key));
    }

    @Override
    public int numRequeues(K key) {
        int max = 0;
        for (RateLimiter<K> limiter : limiters) {
            max = Math.max(max, limiter.numRequeues(key));
        }
        return max;
    }
}
