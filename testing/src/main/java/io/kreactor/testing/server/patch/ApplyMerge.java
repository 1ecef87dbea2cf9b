package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges an applied configuration into the live object the way server-side apply does: objects merge field
 * by field, map lists item by item (by their keys), sets value by value; atomic lists and objects and all
 * scalars take the applied value; an explicit {@code null} removes the field. Items of a merged list follow
 * the applied order where the configuration names them; live items it does not name keep their places, and
 * new items go right before the next item the configuration shares with the live list.
 */
final class ApplyMerge {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectSchema schema;

    private ApplyMerge(ObjectSchema schema) {
        this.schema = schema;
    }

    /** The merged object: a new tree, the inputs stay unchanged. */
    static ObjectNode merge(ObjectNode live, ObjectNode applied, ObjectSchema schema) {
        return new ApplyMerge(schema).object(live, applied, List.of(), "");
    }

    private ObjectNode object(JsonNode live, JsonNode applied, List<String> path, String schemaPath) {
        ObjectNode result = live != null && live.isObject() ? ((ObjectNode) live).deepCopy() : NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : applied.properties()) {
            String name = field.getKey();
            String childSchema = SchemaWalk.child(schemaPath, name);
            if (childSchema.equals("metadata.managedFields")) {
                continue;
            }
            if (field.getValue().isNull()) {
                result.remove(name);
            } else {
                result.set(name, value(result.get(name), field.getValue(), SchemaWalk.append(path, PathElements.field(name)), childSchema));
            }
        }
        return result;
    }

    private JsonNode value(JsonNode live, JsonNode applied, List<String> path, String schemaPath) {
        if (applied.isObject() && !schema.isAtomicObject(schemaPath)) {
            return object(live, applied, path, schemaPath);
        }
        if (applied.isArray()) {
            ListSchema list = schema.list(schemaPath);
            if (list.type() != ListType.ATOMIC) {
                return list(live != null && live.isArray() ? live : NODES.arrayNode(), applied, list, path, schemaPath);
            }
        }
        return applied.deepCopy();
    }

    private ArrayNode list(JsonNode live, JsonNode applied, ListSchema list, List<String> path, String schemaPath) {
        LinkedHashMap<String, JsonNode> liveItems = SchemaWalk.items(live, list, path, false);
        LinkedHashMap<String, JsonNode> appliedItems = SchemaWalk.items(applied, list, path, true);
        ArrayNode result = NODES.arrayNode();
        for (String element : order(new ArrayList<>(liveItems.keySet()), new ArrayList<>(appliedItems.keySet()))) {
            JsonNode appliedItem = appliedItems.get(element);
            JsonNode liveItem = liveItems.get(element);
            if (appliedItem == null) {
                result.add(liveItem.deepCopy());
            } else if (list.type() == ListType.MAP) {
                result.add(object(liveItem, appliedItem, SchemaWalk.append(path, element), SchemaWalk.item(schemaPath)));
            } else {
                result.add(appliedItem.deepCopy());
            }
        }
        return result;
    }

    /**
     * The order of the merged list: walk the live list; a live item the configuration does not name stays;
     * at a shared item, first place the configuration's items up to and including it, in applied order.
     * Applied items after the last shared one go at the end.
     */
    static List<String> order(List<String> live, List<String> applied) {
        Set<String> appliedSet = new HashSet<>(applied);
        Deque<String> pending = new ArrayDeque<>(applied);
        Set<String> placed = new HashSet<>();
        List<String> result = new ArrayList<>(live.size() + applied.size());
        for (String element : live) {
            if (!appliedSet.contains(element)) {
                result.add(element);
                continue;
            }
            while (!placed.contains(element) && !pending.isEmpty()) {
                String next = pending.removeFirst();
                placed.add(next);
                result.add(next);
            }
        }
        result.addAll(pending);
        return result;
    }
}
