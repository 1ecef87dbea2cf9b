package io.kreactor.rest.discovery;

import io.kreactor.core.errors.KubernetesException;

/**
 * A discovery document could not be understood: it is not the JSON expected, or a required field (a resource's
 * {@code name} or {@code kind}, a group's {@code name}) is missing. The message names the document's path and
 * the field.
 */
public class DiscoveryDocumentException extends KubernetesException {

    /** A failure described by {@code message}. */
    public DiscoveryDocumentException(String message) {
        super(message);
    }

    /** A failure described by {@code message}, caused by {@code cause}. */
    public DiscoveryDocumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
