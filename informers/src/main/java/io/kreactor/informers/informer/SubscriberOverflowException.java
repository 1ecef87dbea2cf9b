package io.kreactor.informers.informer;

import io.kreactor.core.errors.KubernetesException;

/**
 * A subscriber of {@link SharedIndexInformer#events} fell so far behind that its own buffer overflowed. Its
 * pending events are discarded and its {@code Flux} ends with this error — it is never silently skipped
 * ahead. The informer and its other subscribers are unaffected; subscribe again to get the current cache as
 * {@code Added} events, or use {@link SubscriberOptions#withLatestPerKey(boolean) latest-per-key} mode, which
 * cannot overflow.
 */
public class SubscriberOverflowException extends KubernetesException {

    /** Creates the exception for a buffer of {@code bufferSize} events. */
    public SubscriberOverflowException(int bufferSize) {
        super("informer subscriber fell more than " + bufferSize + " events behind; its events were discarded and it must "
                + "resubscribe (or subscribe with latest-per-key mode)");
    }
}
