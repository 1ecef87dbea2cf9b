package io.kreactor.testing.server.patch;

/**
 * The patch type is not accepted for this kind: a strategic merge patch for a custom resource. The API
 * server answers {@code 415 Unsupported Media Type}.
 */
public class UnsupportedPatchException extends PatchException {

    /** Creates an exception with a message naming the kind and the accepted patch types. */
    public UnsupportedPatchException(String message) {
        super(message);
    }

    /** The HTTP status code the API server answers with: 415. */
    @Override
    public int statusCode() {
        return 415;
    }
}
