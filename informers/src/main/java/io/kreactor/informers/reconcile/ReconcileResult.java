package io.kreactor.informers.reconcile;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Reconciler} asks the controller to do with a key after a successful reconcile,
 * controller-runtime's {@code reconcile.Result}:
 * <ul>
 *   <li>{@link #done()} — the key is in its desired state; its backoff is forgotten and it is reconciled
 *       again only when an event arrives for it;</li>
 *   <li>{@link #requeue()} — reconcile it again after the rate limiter's per-key backoff (for "not yet,
 *       try again soon" without treating it as an error);</li>
 *   <li>{@link #requeueAfter(Duration)} — forget the backoff and reconcile it again after exactly this
 *       delay (for polling external state).</li>
 * </ul>
 * An error from the reconciler is handled like {@link #requeue()} but is also logged and reported to the
 * {@link ReconcileErrorHandler}. Immutable.
 */
public final class ReconcileResult {

    private static final ReconcileResult DONE = new ReconcileResult(false, null);
    private static final ReconcileResult REQUEUE = new ReconcileResult(true, null);

    private final boolean requeue;
    private final Duration requeueAfter;

    private ReconcileResult(boolean requeue, Duration requeueAfter) {
        this.requeue = requeue;
        this.requeueAfter = requeueAfter;
    }

    /** Nothing more to do for this key. */
    public static ReconcileResult done() {
        return DONE;
    }

    /** Reconcile the key again after its rate-limited backoff. */
    public static ReconcileResult requeue() {
        return REQUEUE;
    }

    /**
     * Reconcile the key again after {@code delay}; the key's backoff is forgotten.
     *
     * @throws IllegalArgumentException when the delay is zero or negative
     */
    public static ReconcileResult requeueAfter(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("requeueAfter must be positive, got " + delay);
        }
        return new ReconcileResult(false, delay);
    }

    /** True for {@link #requeue()}: requeue through the rate limiter. */
    public boolean isRequeue() {
        return requeue;
    }

    /** The fixed delay of {@link #requeueAfter(Duration)}, if this is one. */
    public Optional<Duration> requeueDelay() {
        return Optional.ofNullable(requeueAfter);
    }

    /** Equal when both ask for the same thing. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ReconcileResult other && requeue == other.requeue && Objects.equals(requeueAfter, other.requeueAfter);
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(requeue, requeueAfter);
    }

    /** {@code done}, {@code requeue} or {@code requeueAfter(PT…)}. */
    @Override
    public String toString() {
        return requeueAfter != null ? "requeueAfter(" + requeueAfter + ")" : requeue ? "requeue" : "done";
    }
}
