package io.kreactor.core.errors;

/**
 * The API server could not be reached or the exchange broke: connection refused or reset, TLS handshake
 * failure, a timeout, a truncated or undecodable response body. There is no {@code Status} to go with it.
 */
public class TransportException extends KubernetesException {

    /** Creates a transport failure with {@code message} caused by {@code cause}. */
    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates a transport failure with {@code message}. */
    public TransportException(String message) {
        super(message);
    }
}
