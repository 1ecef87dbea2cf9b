package io.kreactor.core.errors;

import io.kreactor.core.api.Status;
import java.time.Duration;
import java.util.Optional;

/**
 * The server is throttling this client (Status reason {@code TooManyRequests}, HTTP 429), thrown once the
 * client's own retries are used up.
 */
public class TooManyRequestsException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public TooManyRequestsException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }

    /** The delay the server asked for in the Status details, if any. */
    public Optional<Duration> retryAfter() {
        Status.Details d = status().details();
        return d == null || d.retryAfterSeconds() <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(d.retryAfterSeconds()));
    }
}
