/**
 * A small reconcile-loop runtime after controller-runtime: a {@link io.kreactor.informers.reconcile.Controller}
 * maps event sources (informer event streams) to {@code namespace/name} keys — the object's own, or its
 * controlling owner's via {@link io.kreactor.informers.reconcile.KeyMappers} — queues them in a work queue
 * and runs a {@link io.kreactor.informers.reconcile.Reconciler} per key with bounded concurrency, backoff on
 * error and graceful stop.
 */
package io.kreactor.informers.reconcile;
