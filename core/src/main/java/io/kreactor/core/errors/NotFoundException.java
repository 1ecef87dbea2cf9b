package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The object or resource does not exist (Status reason {@code NotFound}, HTTP 404).
 */
public class NotFoundException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public NotFoundException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
