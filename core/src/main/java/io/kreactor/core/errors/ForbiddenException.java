package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The credentials are valid but not allowed to do this (Status reason {@code Forbidden}, HTTP 403).
 */
public class ForbiddenException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public ForbiddenException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
