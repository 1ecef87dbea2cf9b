package io.kreactor.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.PatchType;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Request bodies as client-go's {@code Request.Body} sends them: raw bytes as given, objects serialized as JSON
 * with {@code Content-Type: application/json} unless a content type was set, and — for server-side apply, whose
 * content type is YAML — a {@code String} body verbatim.
 */
final class RequestBodies {

    private static final String JSON = "application/json";

    private RequestBodies() {
    }

    /**
     * The bytes to send, adding a default {@code Content-Type} to {@code h} when needed; null for no body.
     *
     * @throws IllegalArgumentException when the body cannot be serialized
     */
    static byte[] encode(String method, Object body, byte[] rawBody, Map<String, String> h, ObjectMapper mapper) {
        if (rawBody != null) {
            putIfAbsent(h, "Content-Type", JSON);
            return rawBody;
        }
        if (body == null) {
            return null;
        }
        String contentType = headerValue(h, "Content-Type");
        // The apply content type is YAML, and JSON is YAML: only a String body is sent verbatim as YAML.
        if (body instanceof String yaml && PatchType.APPLY.contentType().equals(contentType)) {
            return yaml.getBytes(StandardCharsets.UTF_8);
        }
        putIfAbsent(h, "Content-Type", JSON);
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(method + " request: cannot serialize body of type "
                    + body.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String headerValue(Map<String, String> h, String name) {
        return h.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    static void putIfAbsent(Map<String, String> h, String name, String value) {
        if (headerValue(h, name) == null) {
            h.put(name, value);
        }
    }
}
