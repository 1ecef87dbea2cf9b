package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Builds list objects and renders stored objects in the version a client asked for. */
final class Lists {

    private Lists() {
    }

    static ObjectNode list(ResourceType type, String version, String resourceVersion, String continueToken,
                           Long remaining, List<? extends JsonNode> items) {
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("kind", type.listKind()).put("apiVersion", type.apiVersion(version));
        ObjectNode meta = list.putObject("metadata");
        meta.put("resourceVersion", resourceVersion);
        if (continueToken != null) {
            meta.put("continue", continueToken);
        }
        if (remaining != null) {
            meta.put("remainingItemCount", remaining);
        }
        ArrayNode array = list.putArray("items");
        for (JsonNode item : items) {
            array.add(item instanceof ObjectNode o ? render(type, version, o) : item);
        }
        return list;
    }

    /** The stored object as seen through {@code version}: only {@code apiVersion} differs between versions. */
    static ObjectNode render(ResourceType type, String version, ObjectNode object) {
        String apiVersion = type.apiVersion(version);
        if (apiVersion.equals(Json.text(object, "apiVersion"))) {
            return object;
        }
        ObjectNode copy = object.deepCopy();
        copy.put("apiVersion", apiVersion);
        return copy;
    }
}
