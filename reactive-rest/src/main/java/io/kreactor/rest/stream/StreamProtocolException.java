package io.kreactor.rest.stream;

import io.kreactor.core.errors.KubernetesException;

/**
 * The other end of an exec, attach or port-forward stream broke the channel protocol: an unknown channel, a
 * port-forward stream that did not start with its port, a status message that is not a {@code metav1.Status},
 * or a connection that closed before the exit status arrived.
 */
public class StreamProtocolException extends KubernetesException {

    /** A failure described by {@code message}. */
    public StreamProtocolException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public StreamProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
