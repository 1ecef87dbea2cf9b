package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The server (or an aggregated API) is unavailable (Status reason {@code ServiceUnavailable}, HTTP 503).
 */
public class ServiceUnavailableException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public ServiceUnavailableException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
