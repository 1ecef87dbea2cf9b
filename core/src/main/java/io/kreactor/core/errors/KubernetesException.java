package io.kreactor.core.errors;

/**
 * The root of every exception this library raises. Catch {@link ApiException} for answers from the API
 * server, {@link TransportException} for failures to reach it, {@link ConfigException} for bad configuration.
 * Messages never contain credentials.
 */
public class KubernetesException extends RuntimeException {

    /** Creates an exception with {@code message}. */
    public KubernetesException(String message) {
        super(message);
    }

    /** Creates an exception with {@code message} caused by {@code cause}. */
    public KubernetesException(String message, Throwable cause) {
        super(message, cause);
    }
}
