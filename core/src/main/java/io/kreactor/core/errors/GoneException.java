package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * The requested resourceVersion or {@code continue} token is too old (Status reason {@code Gone} or
 * {@code Expired}, HTTP 410). A watch that gets this must relist; a paginated list must restart.
 */
public class GoneException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public GoneException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }

    /** True when the reason was {@code Expired} (an expired continue token or resourceVersion). */
    public boolean isExpired() {
        return "Expired".equals(reason());
    }
}
