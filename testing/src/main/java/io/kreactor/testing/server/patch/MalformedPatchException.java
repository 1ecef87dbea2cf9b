package io.kreactor.testing.server.patch;

/**
 * The patch body is not a valid patch of its type: a JSON patch that is not an array of operations, an
 * operation without {@code op} or {@code path}, an unknown {@code $patch} directive, a malformed JSON
 * pointer. The API server answers these with {@code 400 Bad Request}.
 */
public class MalformedPatchException extends PatchException {

    /** Creates an exception with a message naming what is malformed. */
    public MalformedPatchException(String message) {
        super(message);
    }

    /** The HTTP status code the API server answers with for a malformed patch: 400. */
    @Override
    public int statusCode() {
        return 400;
    }
}
