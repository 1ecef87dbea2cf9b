package io.kreactor.informers.reconcile;

import reactor.core.publisher.Mono;

/**
 * Brings the object named by a key to its desired state, controller-runtime's {@code reconcile.Reconciler}.
 *
 * <p>Reconciling is level-triggered: the key says <em>which</em> object changed, never <em>how</em>. Read
 * the current state (from a Lister, say), compare it with the desired state and act; a reconciler that is
 * called twice for the same state must do nothing the second time. A deleted object still gets its key
 * reconciled — finding it absent is how deletion is observed.
 *
 * <p>The controller never reconciles the same key twice at the same time, but different keys run
 * concurrently up to {@link ControllerBuilder#maxConcurrentReconciles}. The returned {@code Mono} must not
 * block; an empty {@code Mono} counts as {@link ReconcileResult#done()}, an error as a failure that is
 * retried with backoff.
 */
@FunctionalInterface
public interface Reconciler {

    /**
     * Reconciles the object with {@code key} ({@code namespace/name}, or {@code name} for cluster-scoped
     * objects; see {@link ObjectKey#parse}).
     */
    Mono<ReconcileResult> reconcile(String key);
}
