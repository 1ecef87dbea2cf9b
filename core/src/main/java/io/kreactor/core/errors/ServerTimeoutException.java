package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The server could not finish in time and asks to retry (Status reason {@code ServerTimeout}, HTTP 500).
 */
public class ServerTimeoutException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public ServerTimeoutException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
