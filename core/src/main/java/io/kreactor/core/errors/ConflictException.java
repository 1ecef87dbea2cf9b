package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The write was based on a stale resourceVersion: re-read and try again (Status reason {@code Conflict}, HTTP 409).
 */
public class ConflictException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public ConflictException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
