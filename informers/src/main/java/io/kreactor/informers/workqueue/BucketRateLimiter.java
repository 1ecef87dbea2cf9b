package io.kreactor.informers.workqueue;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.scheduler.Scheduler;

/**
 * An overall token bucket; see {@link RateLimiter#tokenBucket}. Like {@code rate.Limiter.Reserve}, a call
 * always takes a token, letting the balance go negative: the deficit is the wait, so callers that arrive
 * while the bucket is empty are spaced {@code 1/qps} apart. Lock-free: the state is one immutable value
 * swapped with compare-and-set.
 */
final class BucketRateLimiter<K> implements RateLimiter<K> {

    private static final long NEVER = Long.MIN_VALUE;

    private final double qps;
    private final int burst;
    private final Scheduler clock;
    private final AtomicReference<Bucket> state;

    private record Bucket(double tokens, long lastNanos) {
    }

    BucketRateLimiter(double qps, int burst, Scheduler clock) {
        if (!(qps > 0) || Double.isInfinite(qps)) {
            throw new IllegalArgumentException("token bucket qps must be a positive finite number, got " + qps);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("token bucket burst must be at least 1, got " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.state = new AtomicReference<>(new Bucket(burst, NEVER));
    }

    @Override
    public Duration when(K key) {
        while (true) {
            long now = clock.now(TimeUnit.NANOSECONDS);
            Bucket current = state.get();
            double tokens = current.tokens();
            if (current.lastNanos() != NEVER && now > current.lastNanos()) {
                tokens = Math.min(burst, tokens + (now - current.lastNanos()) * qps / 1e9);
            }
            tokens -= 1;
            long last = current.lastNanos() == NEVER ? now : Math.max(now, current.lastNanos());
            if (state.compareAndSet(current, new Bucket(tokens, last))) {
                return tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(-tokens / qps * 1e9));
            }
        }
    }

    @Override
    public void forget(K key) {
        // The bucket is shared by all keys; there is nothing per key to forget.
    }

    @Override
    public int numRequeues(K key) {
        return 0;
    }
}
