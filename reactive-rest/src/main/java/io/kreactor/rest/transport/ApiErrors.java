package io.kreactor.rest.transport;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.Status;
import io.kreactor.core.errors.ApiException;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Mono;

/**
 * Turns a non-2xx response into the typed {@link ApiException}, like client-go's {@code transformResponse}: the
 * body is decoded as a {@code metav1.Status} when it is one; otherwise a Status is synthesized with the reason
 * that belongs to the HTTP code and, as message, an excerpt of the body capped at {@value #EXCERPT_BYTES} bytes
 * (an HTML error page from a proxy, for example).
 */
public final class ApiErrors {

    /** The most of a non-Status error body that goes into a message. */
    public static final int EXCERPT_BYTES = 1024;
    /** The most of an error body that is read at all; a Status is far smaller. */
    static final int MAX_ERROR_BODY = 256 * 1024;

    private ApiErrors() {
    }

    /** True for 2xx codes. */
    public static boolean isSuccess(int statusCode) {
        return statusCode >= 200 && statusCode < 300;
    }

    /**
     * Reads the (capped) body of the failed {@code response} and emits the matching {@link ApiException} as an
     * error signal.
     */
    public static <T> Mono<T> toError(ClientResponse response, TransportRequest request, ObjectMapper mapper) {
        return response.aggregate(MAX_ERROR_BODY, true)
                .flatMap(body -> Mono.error(from(response.statusCode(), body, request, mapper)));
    }

    /** The exception for a failed answer with {@code code} and {@code body} to {@code request}. */
    public static ApiException from(int code, byte[] body, TransportRequest request, ObjectMapper mapper) {
        Status status = decodeStatus(body, mapper);
        if (status == null) {
            status = Status.failure(code, reasonFor(code), messageFor(code, body));
        } else if (status.code() == 0) {
            status = new Status(status.kind(), status.apiVersion(), status.status(), status.message(), status.reason(),
                    status.details(), code);
        }
        return ApiException.from(status, code, request.method(), request.url());
    }

    private static Status decodeStatus(byte[] body, ObjectMapper mapper) {
        if (body.length == 0 || body[0] != '{') {
            return null;
        }
        try {
            Status status = mapper.readValue(body, Status.class);
            return status != null && "Status".equals(status.kind()) ? status : null;
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The {@code StatusReason} client-go assigns to an HTTP code when the body says nothing. */
    static String reasonFor(int code) {
        return switch (code) {
            case 400 -> "BadRequest";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "NotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 422 -> "Invalid";
            case 429 -> "TooManyRequests";
            case 500 -> "InternalError";
            case 503 -> "ServiceUnavailable";
            case 504 -> "Timeout";
            default -> code >= 500 ? "InternalError" : "Unknown";
        };
    }

    private static String messageFor(int code, byte[] body) {
        if (body.length == 0) {
            return "the server responded with the status code " + code + " but did not return more information";
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_BYTES), StandardCharsets.UTF_8).strip();
        return body.length > EXCERPT_BYTES ? text + " … (truncated)" : text;
    }
}
