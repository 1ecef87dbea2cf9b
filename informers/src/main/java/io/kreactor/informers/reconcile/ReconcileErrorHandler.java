package io.kreactor.informers.reconcile;

/**
 * Told about every failed reconcile (and every failure of an event source), for metrics, events or
 * alerting. The controller has already logged the error and scheduled the retry; the handler need not do
 * either. It runs on the thread that saw the failure: keep it short and non-blocking. Exceptions it throws
 * are logged and ignored.
 */
@FunctionalInterface
public interface ReconcileErrorHandler {

    /** A handler that does nothing. */
    ReconcileErrorHandler NONE = (controller, key, error, requeues) -> {
    };

    /**
     * Called after a failure.
     *
     * @param controller the controller's name
     * @param key        the key whose reconcile failed, or null when an event source failed
     * @param error      the failure
     * @param requeues   how many times the key has been requeued through the rate limiter, this retry included
     */
    void onError(String controller, String key, Throwable error, int requeues);
}
