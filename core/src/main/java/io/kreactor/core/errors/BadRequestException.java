package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The request itself was malformed (Status reason {@code BadRequest}, HTTP 400).
 */
public class BadRequestException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public BadRequestException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
