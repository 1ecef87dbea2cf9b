package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The server failed unexpectedly (Status reason {@code InternalError}, HTTP 500).
 */
public class InternalErrorException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public InternalErrorException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
