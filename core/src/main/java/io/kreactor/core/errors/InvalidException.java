package io.kreactor.core.errors;

import io.kreactor.core.api.Status;
import java.util.List;

/**
 * The object failed validation (Status reason {@code Invalid}, HTTP 422). {@link #causes()} says which
 * fields and why.
 */
public class InvalidException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public InvalidException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }

    /** The field-level causes from the Status details, empty when the server gave none. */
    public List<Status.Cause> causes() {
        Status.Details d = status().details();
        return d == null || d.causes() == null ? List.of() : d.causes();
    }
}
