package io.kreactor.testing.server.patch;

/**
 * A patch could not be applied to an object: a JSON patch {@code test} failed, a path does not exist, an
 * index is out of bounds, a strategic merge patch list item lacks its merge key. The API server answers
 * these with {@code 422 Unprocessable Entity}; a body that is not a patch at all is the subclass
 * {@link MalformedPatchException} ({@code 400 Bad Request}).
 *
 * <p>Messages name the operation and the path, never the values involved: the object may be a Secret.
 */
public class PatchException extends RuntimeException {

    /** Creates an exception with a message naming what could not be applied and where. */
    public PatchException(String message) {
        super(message);
    }

    /** The HTTP status code the API server answers with for this failure: 422. */
    public int statusCode() {
        return 422;
    }
}
