package io.kreactor.rest.ratelimit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.scheduler.Scheduler;

/**
 * The token bucket behind {@link RateLimiter#tokenBucket(double, int, Scheduler)}.
 *
 * <p>Reservations, as in Go's {@code x/time/rate} (which client-go's limiter wraps): an acquire takes a
 * token at once even when the bucket is empty, driving the count negative, and waits until the refill
 * would have covered that debt. Because every reservation deepens the debt, waits grow with subscription
 * order and waiters finish first-in, first-out without any queue. The state is one immutable value swapped
 * by compare-and-set, so no thread ever waits for a lock.
 */
final class TokenBucketRateLimiter implements RateLimiter {

    private static final double NANOS_PER_SECOND = 1e9;

    private final double qps;
    private final int burst;
    private final Scheduler scheduler;
    /** tokens as of {@code lastNanos}; negative while waiters are queued. {@code tail} numbers the last reservation. */
    private final AtomicReference<Bucket> bucket;

    private record Bucket(double tokens, long lastNanos, long tail) {
    }

    private record Reservation(long ticket, long waitNanos) {
    }

    TokenBucketRateLimiter(double qps, int burst, Scheduler scheduler) {
        if (!(qps > 0) || Double.isInfinite(qps)) {
            throw new IllegalArgumentException("qps must be positive and finite, was " + qps);
        }
        if (burst < 1) {
            throw new IllegalArgumentException("burst must be at least 1, was " + burst);
        }
        this.qps = qps;
        this.burst = burst;
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.bucket = new AtomicReference<>(new Bucket(burst, scheduler.now(TimeUnit.NANOSECONDS), 0));
    }

    @Override
    public Mono<Void> acquire() {
        return Mono.defer(() -> {
            Reservation reservation = reserve(scheduler.now(TimeUnit.NANOSECONDS));
            if (reservation.waitNanos() <= 0) {
                return Mono.empty();
            }
            return Mono.delay(Duration.ofNanos(reservation.waitNanos()), scheduler)
                    .then()
                    .doFinally(signal -> {
                        if (signal == SignalType.CANCEL) {
                            release(reservation.ticket());
                        }
                    });
        });
    }

    private Reservation reserve(long now) {
        for (;;) {
            Bucket current = bucket.get();
            long last = Math.max(now, current.lastNanos());
            double refilled = Math.min(burst, current.tokens() + (last - current.lastNanos()) * qps / NANOS_PER_SECOND);
            double left = refilled - 1;
            long ticket = current.tail() + 1;
            if (bucket.compareAndSet(current, new Bucket(left, last, ticket))) {
                long wait = left >= 0 ? 0 : (long) Math.ceil(-left / qps * NANOS_PER_SECOND) + (last - now);
                return new Reservation(ticket, wait);
            }
        }
    }

    /**
     * Gives a cancelled waiter's token back, but only while it is the last reservation: a later waiter's
     * wait was computed with this token taken, and returning it would let the next newcomer overtake that
     * waiter. A cancelled waiter in the middle leaves its slot to pass unused.
     */
    private void release(long ticket) {
        for (;;) {
            Bucket current = bucket.get();
            if (current.tail() != ticket) {
                return;
            }
            if (bucket.compareAndSet(current, new Bucket(current.tokens() + 1, current.lastNanos(), ticket - 1))) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "RateLimiter[tokenBucket qps=" + qps + ", burst=" + burst + "]";
    }
}
