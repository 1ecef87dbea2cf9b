package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * None of the requested content types can be served (Status reason {@code NotAcceptable}, HTTP 406).
 */
public class NotAcceptableException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public NotAcceptableException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
