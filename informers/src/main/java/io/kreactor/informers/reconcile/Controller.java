package io.kreactor.informers.reconcile;

import io.kreactor.informers.workqueue.WorkQueue;
import java.time.Duration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * A reconcile loop, the counterpart of controller-runtime's {@code controller.Controller}: event sources
 * (informer event streams) are mapped to keys and added to a {@link WorkQueue}; workers take keys from it
 * and call the {@link Reconciler}.
 *
 * <pre>
 * informer events ──map to keys──▶ WorkQueue (coalescing, delaying, rate-limited)
 *                                      │ keys(), on demand, at most maxConcurrentReconciles in flight
 *                                      ▼
 *                      reconcile(key) ─▶ done → forget · requeue → addRateLimited
 *                                        requeueAfter(d) → forget + addAfter(d) · error → log, hook, addRateLimited
 * </pre>
 *
 * <p>Guarantees, from the work queue: a key is never reconciled twice at the same time; events arriving for
 * a key while it is queued coalesce into one reconcile; an event arriving while it is being reconciled
 * causes one more reconcile afterwards.
 *
 * <p>Lifecycle: {@link #start()} subscribes to the sources and starts the workers (after the
 * {@link ControllerBuilder#waitFor readiness gates} complete). {@link #dispose()} begins a graceful stop —
 * the sources are cancelled, no new key is taken, in-flight reconciles finish — and {@link #terminated()}
 * completes once they have. A controller runs once; build a new one to run again.
 */
public interface Controller extends Disposable {

    /** Starts describing a controller named {@code name} (used in logs and as the work queue's name). */
    static ControllerBuilder builder(String name) {
        return new ControllerBuilder(name);
    }

    /** The controller's name. */
    String name();

    /** The controller's work queue, to add keys by hand (for example from a periodic resync). */
    WorkQueue<String> queue();

    /**
     * Subscribes to the event sources and starts the workers; returns this controller.
     *
     * @throws IllegalStateException when the controller was already started or disposed
     */
    Controller start();

    /** Begins a graceful stop (see the class comment) without waiting; idempotent. */
    @Override
    void dispose();

    /** True once {@link #dispose()} was called. */
    @Override
    boolean isDisposed();

    /**
     * Completes once the controller has stopped: it was disposed (or never started and disposed) and every
     * in-flight reconcile has finished.
     */
    Mono<Void> terminated();

    /** A {@code Mono} that, when subscribed, begins a graceful stop and completes once it is over. */
    default Mono<Void> stop() {
        return Mono.fromRunnable(this::dispose).then(terminated());
    }

    /**
     * Like {@link #stop()}, but in-flight reconciles still running after {@code gracePeriod} are cancelled
     * (their keys are marked done) and the returned {@code Mono} completes then.
     */
    Mono<Void> stop(Duration gracePeriod);
}
