package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The request did not finish within its timeout (Status reason {@code Timeout}, HTTP 504).
 */
public class ApiTimeoutException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public ApiTimeoutException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
