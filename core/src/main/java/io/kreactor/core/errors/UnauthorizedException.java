package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The credentials were missing, invalid or expired (Status reason {@code Unauthorized}, HTTP 401).
 */
public class UnauthorizedException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public UnauthorizedException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
