package io.kreactor.testing.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.KubernetesJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Small helpers over Jackson trees shaped like Kubernetes objects. */
final class Json {

    static final ObjectMapper MAPPER = KubernetesJson.mapper();

    static {
        // Jackson builds and caches its (de)serializers on first use under a lock; do that now, on the thread that
        // loads this class, so that event-loop threads only ever hit the caches.
        try {
            MAPPER.writeValueAsBytes(MAPPER.readTree("{\"a\":[1,\"b\",true,null,1.5,{}]}"));
            MAPPER.writeValueAsString(MAPPER.createArrayNode());
        } catch (JsonProcessingException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Json() {
    }

    static ObjectNode parseObject(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("the request body is empty; an object was expected");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiError.badRequest("the request body must be a JSON object, got " + node.getNodeType());
        }
        return object;
    }

    static JsonNode parseObjectOrArray(String body) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("the request body is empty");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiError.badRequest("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /** {@code metadata}, created when absent. */
    static ObjectNode meta(ObjectNode object) {
        JsonNode meta = object.get("metadata");
        if (meta instanceof ObjectNode m) {
            return m;
        }
        return object.putObject("metadata");
    }

    static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String name(ObjectNode object) {
        return text(object.get("metadata"), "name");
    }

    static String namespace(ObjectNode object) {
        return text(object.get("metadata"), "namespace");
    }

    static String resourceVersion(ObjectNode object) {
        return text(object.get("metadata"), "resourceVersion");
    }

    /** The value at a dotted path ({@code status.phase}), or null. */
    static JsonNode at(JsonNode node, String dottedPath) {
        JsonNode current = node;
        for (String part : dottedPath.split("\\.")) {
            if (current == null || !current.isObject()) {
                return null;
            }
            current = current.get(part);
        }
        return current == null || current.isNull() ? null : current;
    }

    /** Sets the value at a dotted path, creating objects along the way. */
    static void set(ObjectNode node, String dottedPath, JsonNode value) {
        String[] parts = dottedPath.split("\\.");
        ObjectNode current = node;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = current.get(parts[i]);
            current = next instanceof ObjectNode o ? o : current.putObject(parts[i]);
        }
        current.set(parts[parts.length - 1], value);
    }

    /** The finalizers of an object; empty when none. */
    static boolean hasFinalizers(ObjectNode object) {
        JsonNode finalizers = object.path("metadata").get("finalizers");
        return finalizers != null && finalizers.isArray() && !finalizers.isEmpty();
    }

    /** RFC 3339 with second precision, as {@code metav1.Time} serializes. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
