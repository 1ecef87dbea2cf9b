package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the merge rules of a structural OpenAPI v3 schema, as a CustomResourceDefinition version carries it
 * ({@code spec.versions[].schema.openAPIV3Schema}): {@code x-kubernetes-list-type} ({@code atomic} by
 * default, {@code set}, {@code map} with {@code x-kubernetes-list-map-keys} and the keys' {@code default}s)
 * and {@code x-kubernetes-map-type: atomic}.
 */
final class OpenApiSchemaReader {

    private final ObjectSchema.Builder builder = ObjectSchema.builder();

    private OpenApiSchemaReader() {
    }

    static ObjectSchema read(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            throw new IllegalArgumentException("an OpenAPI v3 schema must be a JSON object, got " + JsonValues.typeName(schema));
        }
        OpenApiSchemaReader reader = new OpenApiSchemaReader();
        reader.walk(schema, "");
        return reader.builder.build();
    }

    private void walk(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            return;
        }
        if (!path.isEmpty() && "atomic".equals(node.path("x-kubernetes-map-type").asText())) {
            builder.atomicObject(path);
        }
        for (Map.Entry<String, JsonNode> property : node.path("properties").properties()) {
            walk(property.getValue(), SchemaWalk.child(path, property.getKey()));
        }
        JsonNode items = node.get("items");
        if (items == null) {
            return;
        }
        String listType = node.path("x-kubernetes-list-type").asText("atomic");
        switch (listType) {
            case "map" -> builder.list(path, mapList(node, items, path));
            case "set" -> builder.list(path, ListSchema.SET);
            case "atomic" -> builder.list(path, ListSchema.ATOMIC);
            default -> throw new IllegalArgumentException("x-kubernetes-list-type of '" + path + "' must be atomic, set or map, got '"
                    + listType + "'");
        }
        walk(items, SchemaWalk.item(path));
    }

    private static ListSchema mapList(JsonNode node, JsonNode items, String path) {
        List<String> keys = new ArrayList<>();
        for (JsonNode key : node.path("x-kubernetes-list-map-keys")) {
            keys.add(key.asText());
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' has x-kubernetes-list-type map but no x-kubernetes-list-map-keys");
        }
        Map<String, JsonNode> defaults = new HashMap<>();
        for (String key : keys) {
            JsonNode value = items.path("properties").path(key).get("default");
            if (value != null && !value.isNull()) {
                defaults.put(key, value);
            }
        }
        return new ListSchema(ListType.MAP, keys, defaults);
    }
}
