package io.kreactor.informers.reflector;

import java.time.Duration;

/**
 * Exponential backoff with jitter and reset after a healthy period, as client-go's
 * {@code exponentialBackoffManagerImpl}: each failure doubles (by {@code factor}) the base delay up to the
 * cap; a failure that comes more than {@code resetAfter} after the previous one starts again from the
 * initial delay. Immutable: {@link #next(long)} returns the delay and the following state.
 *
 * @param base          the base delay for the next failure
 * @param lastFailureMs the clock time of the previous failure, or {@code Long.MIN_VALUE} for none
 */
record Backoff(Duration base, long lastFailureMs) {

    /** The delay to wait now and the state for the next failure. */
    record Decision(Duration delay, Backoff next) {
    }

    static Backoff initial(ReflectorConfig config) {
        return new Backoff(config.initialBackoff(), Long.MIN_VALUE);
    }

    /** Decides the delay after a failure at clock time {@code nowMs}, per {@code config}. */
    Decision next(long nowMs, ReflectorConfig config) {
        Duration current = base;
        if (lastFailureMs != Long.MIN_VALUE && nowMs - lastFailureMs >= config.backoffResetAfter().toMillis()) {
            current = config.initialBackoff();
        }
        long baseMs = Math.min(current.toMillis(), config.maxBackoff().toMillis());
        long delayMs = baseMs + (long) (config.random().getAsDouble() * config.jitter() * baseMs);
        long grown = (long) Math.min((double) config.maxBackoff().toMillis(), baseMs * config.backoffFactor());
        return new Decision(Duration.ofMillis(delayMs), new Backoff(Duration.ofMillis(grown), nowMs));
    }
}
