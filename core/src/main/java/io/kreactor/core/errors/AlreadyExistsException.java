package io.kreactor.core.errors;

import io.kreactor.core.api.Status;

/**
 * An object with this name already exists (a create lost the race) (Status reason {@code AlreadyExists}, HTTP 409).
 */
public class AlreadyExistsException extends ApiException {

    /** Creates the error from the server's {@code status}; see {@link ApiException#ApiException}. */
    public AlreadyExistsException(Status status, int code, String verb, String url) {
        super(status, code, verb, url);
    }
}
