package io.kreactor.core.errors;

import io.kreactor.core.api.Status;
import java.util.Objects;

/**
 * The API server answered with a failure. Carries the decoded {@code metav1.Status} (synthesized from the
 * HTTP code when the body was not a Status), the HTTP code, the verb and the URL.
 *
 * <p>Use {@link #from} to build the subclass that matches the Status {@code reason} (or, when the reason is
 * empty or unknown, the HTTP code), the way client-go's {@code apierrors.ReasonForError} classifies errors:
 * {@link NotFoundException}, {@link AlreadyExistsException}, {@link ConflictException},
 * {@link InvalidException}, {@link GoneException}, {@link TooManyRequestsException}, …
 */
public class ApiException extends KubernetesException {

    private final transient Status status;
    private final int code;
    private final String verb;
    private final String url;

    /**
     * Creates an API error.
     *
     * @param status the server's Status, never null
     * @param code   the HTTP status code
     * @param verb   the HTTP method, such as {@code GET}
     * @param url    the request URL (never containing credentials)
     */
    public ApiException(Status status, int code, String verb, String url) {
        super(describe(status, code, verb, url));
        this.status = Objects.requireNonNull(status, "status");
        this.code = code;
        this.verb = verb;
        this.url = url;
    }

    /** Builds the typed exception for a failed response; see the class comment for the mapping. */
    public static ApiException from(Status status, int code, String verb, String url) {
        return ApiExceptions.create(status, code, verb, url);
    }

    /** The decoded (or synthesized) Status. */
    public Status status() {
        return status;
    }

    /** The HTTP status code. */
    public int code() {
        return code;
    }

    /** The Status {@code reason}, possibly empty. */
    public String reason() {
        return status.reason() == null ? "" : status.reason();
    }

    /** The HTTP method of the failed request. */
    public String verb() {
        return verb;
    }

    /** The URL of the failed request. */
    public String url() {
        return url;
    }

    private static String describe(Status status, int code, String verb, String url) {
        StringBuilder sb = new StringBuilder();
        sb.append(verb).append(' ').append(url).append(": ").append(code);
        if (status != null && status.reason() != null && !status.reason().isEmpty()) {
            sb.append(' ').append(status.reason());
        }
        if (status != null && status.message() != null && !status.message().isEmpty()) {
            sb.append(": ").append(status.message());
        }
        return sb.toString();
    }
}
