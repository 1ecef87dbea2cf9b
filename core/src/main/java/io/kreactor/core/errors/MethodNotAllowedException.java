package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The resource does not support this verb (Status reason {@code MethodNotAllowed}, HTTP 405).
 */
public class MethodNotAllowedException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public MethodNotAllowedException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
