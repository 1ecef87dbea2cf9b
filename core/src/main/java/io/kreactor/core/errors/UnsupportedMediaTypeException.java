package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The body's content type is not accepted, for example a strategic merge patch on a custom resource (Status reason {@code UnsupportedMediaType}, HTTP 415).
 */
public class UnsupportedMediaTypeException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public UnsupportedMediaTypeException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
