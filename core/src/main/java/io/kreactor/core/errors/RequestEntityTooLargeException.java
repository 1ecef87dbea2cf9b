package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The request body is larger than the server accepts (Status reason {@code RequestEntityTooLarge}, HTTP 413).
 */
public class RequestEntityTooLargeException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public RequestEntityTooLargeException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
