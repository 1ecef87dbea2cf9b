package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A failed request, carrying what the real API server would put in its {@code Status} body. Handlers throw it; the
 * router turns it into the HTTP response (or, inside a watch, an ERROR event).
 */
final class ApiError extends RuntimeException {

    /** One {@code StatusCause}. */
    record Cause(String reason, String message, String field) {
    }

    private final int code;
    private final String reason;
    private final String name;
    private final String group;
    private final String kind;
    private final List<Cause> causes;
    private final int retryAfterSeconds;

    ApiError(int code, String reason, String message, String name, String group, String kind, List<Cause> causes,
             int retryAfterSeconds) {
        super(message, null, false, false);
        this.code = code;
        this.reason = reason;
        this.name = name;
        this.group = group;
        this.kind = kind;
        this.causes = causes == null ? List.of() : List.copyOf(causes);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError of(int code, String reason, String message) {
        return new ApiError(code, reason, message, null, null, null, null, 0);
    }

    static ApiError notFound(ResourceType type, String name) {
        return new ApiError(404, "NotFound", type.qualifiedName() + " \"" + name + "\" not found",
                name, groupOrNull(type), type.plural(), null, 0);
    }

    static ApiError alreadyExists(ResourceType type, String name) {
        return new ApiError(409, "AlreadyExists", type.qualifiedName() + " \"" + name + "\" already exists",
                name, groupOrNull(type), type.plural(), null, 0);
    }

    static ApiError conflict(ResourceType type, String name, String why) {
        return new ApiError(409, "Conflict", "Operation cannot be fulfilled on " + type.qualifiedName() + " \""
                + name + "\": " + why, name, groupOrNull(type), type.plural(), null, 0);
    }

    static ApiError staleResourceVersion(ResourceType type, String name) {
        return conflict(type, name,
                "the object has been modified; please apply your changes to the latest version and try again");
    }

    static ApiError invalid(ResourceType type, String name, List<Cause> causes) {
        StringBuilder message = new StringBuilder(type.kind()).append(" \"").append(name == null ? "" : name)
                .append("\" is invalid: ");
        if (causes.size() == 1) {
            message.append(causes.get(0).field()).append(": ").append(causes.get(0).message());
        } else {
            message.append('[');
            for (int i = 0; i < causes.size(); i++) {
                message.append(i == 0 ? "" : ", ").append(causes.get(i).field()).append(": ")
                        .append(causes.get(i).message());
            }
            message.append(']');
        }
        return new ApiError(422, "Invalid", message.toString(), name, groupOrNull(type), type.kind(), causes, 0);
    }

    static ApiError invalidField(ResourceType type, String name, String field, String reason, String message) {
        return invalid(type, name, List.of(new Cause(reason, message, field)));
    }

    static ApiError badRequest(String message) {
        return of(400, "BadRequest", message);
    }

    static ApiError expired(String message) {
        return of(410, "Expired", message);
    }

    static ApiError methodNotAllowed(String message) {
        return of(405, "MethodNotAllowed", message);
    }

    static ApiError forbidden(ResourceType type, String name, String message) {
        return new ApiError(403, "Forbidden", message, name, groupOrNull(type), type.plural(), null, 0);
    }

    static ApiError resourceVersionTooLarge(long requested, long current) {
        return new ApiError(504, "Timeout", "Too large resource version: " + requested + ", current: " + current,
                null, null, null, List.of(new Cause("ResourceVersionTooLarge", "Too large resource version", null)), 1);
    }

    private static String groupOrNull(ResourceType type) {
        return type.group().isEmpty() ? null : type.group();
    }

    int code() {
        return code;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The {@code Status} object for this error. */
    ObjectNode toStatus() {
        ObjectNode status = Json.MAPPER.createObjectNode();
        status.put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", getMessage()).put("reason", reason);
        if (name != null || kind != null || !causes.isEmpty() || retryAfterSeconds > 0) {
            ObjectNode details = status.putObject("details");
            if (name != null) {
                details.put("name", name);
            }
            if (group != null) {
                details.put("group", group);
            }
            if (kind != null) {
                details.put("kind", kind);
            }
            if (!causes.isEmpty()) {
                ArrayNode array = details.putArray("causes");
                for (Cause c : causes) {
                    ObjectNode node = array.addObject();
                    if (c.reason() != null) {
                        node.put("reason", c.reason());
                    }
                    if (c.message() != null) {
                        node.put("message", c.message());
                    }
                    if (c.field() != null) {
                        node.put("field", c.field());
                    }
                }
            }
            if (retryAfterSeconds > 0) {
                details.put("retryAfterSeconds", retryAfterSeconds);
            }
        }
        status.put("code", code);
        return status;
    }
}
