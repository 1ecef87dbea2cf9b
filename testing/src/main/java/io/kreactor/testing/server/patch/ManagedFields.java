package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code metadata.managedFields} of an object tree. */
final class ManagedFields {

    private ManagedFields() {
    }

    /**
     * The entries stored on an object; an object without (or with undecodable) managed fields has none, as the
     * API server resets fields it cannot decode.
     */
    static List<ManagedFieldsEntry> read(JsonNode object) {
        List<ManagedFieldsEntry> entries = decode(object);
        return entries == null ? new ArrayList<>() : entries;
    }

    /**
     * The entries to start a non-apply write from, as the API server chooses them: an explicitly empty list
     * ({@code []} or {@code [{}]}) in the new object resets ownership; well-formed entries in the new object are
     * taken (a client may restore them); otherwise the stored object's entries stand, so clients that do not know
     * about managed fields cannot erase them.
     */
    static List<ManagedFieldsEntry> forUpdate(JsonNode before, JsonNode after) {
        JsonNode requested = after.path("metadata").get("managedFields");
        if (requested != null && requested.isArray()
                && (requested.isEmpty() || (requested.size() == 1 && requested.get(0).isObject() && requested.get(0).isEmpty()))) {
            return new ArrayList<>();
        }
        List<ManagedFieldsEntry> fromRequest = decode(after);
        if (fromRequest != null && !fromRequest.isEmpty()) {
            return fromRequest;
        }
        return before == null ? new ArrayList<>() : read(before);
    }

    /** Writes the entries, in the API server's order, into the object's metadata; no entries removes the field. */
    static void write(ObjectNode object, List<ManagedFieldsEntry> entries) {
        JsonNode metadata = object.get("metadata");
        if (metadata == null || !metadata.isObject()) {
            metadata = object.putObject("metadata");
        }
        List<ManagedFieldsEntry> sorted = new ArrayList<>(entries);
        sorted.removeIf(e -> e.fields().isEmpty());
        sorted.sort(ManagedFieldsEntry.ORDER);
        if (sorted.isEmpty()) {
            ((ObjectNode) metadata).remove("managedFields");
            return;
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        sorted.forEach(e -> out.add(e.toJson()));
        ((ObjectNode) metadata).set("managedFields", out);
    }

    /** The decoded entries, null when they cannot be decoded. */
    private static List<ManagedFieldsEntry> decode(JsonNode object) {
        JsonNode stored = object.path("metadata").get("managedFields");
        List<ManagedFieldsEntry> entries = new ArrayList<>();
        if (stored == null || stored.isNull()) {
            return entries;
        }
        if (!stored.isArray()) {
            return null;
        }
        try {
            for (JsonNode entry : stored) {
                entries.add(ManagedFieldsEntry.fromJson(entry));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        return entries;
    }
}
