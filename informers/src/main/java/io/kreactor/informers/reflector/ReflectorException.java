package io.kreactor.informers.reflector;

import io.kreactor.core.errors.KubernetesException;

/**
 * A condition the {@link Reflector} detected itself and recovered from (reported to the error hook, never
 * ending the event stream): a watch that ended at once without events, a watch-list the server does not
 * honour, a list without a resourceVersion.
 */
public class ReflectorException extends KubernetesException {

    /** Creates the exception with {@code message}. */
    public ReflectorException(String message) {
        super(message);
    }
}
