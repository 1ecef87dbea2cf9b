package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes from a merged object the fields an applier stopped specifying: those in its previous applied set,
 * not in its new one, and owned by no other manager. A removed list item or object whose descendants another
 * manager still owns stays, with those descendants (and, for list items, their key fields). Containers
 * emptied this way stay as empty containers, as structured-merge-diff keeps them.
 */
final class ApplyPrune {

    private final ObjectSchema schema;
    private final FieldSet toRemove;
    private final FieldSet owned;

    private ApplyPrune(ObjectSchema schema, FieldSet toRemove, FieldSet owned) {
        this.schema = schema;
        this.toRemove = toRemove;
        this.owned = owned;
    }

    /** Prunes {@code merged} in place. */
    static void prune(ObjectNode merged, FieldSet toRemove, FieldSet owned, ObjectSchema schema) {
        if (!toRemove.isEmpty()) {
            new ApplyPrune(schema, toRemove, owned).object(merged, List.of(), "", Set.of());
        }
    }

    private void object(ObjectNode node, List<String> path, String schemaPath, Set<String> keyFields) {
        for (String name : names(node)) {
            String childSchema = SchemaWalk.child(schemaPath, name);
            if (SchemaWalk.unmanaged(childSchema) || keyFields.contains(name)) {
                continue;
            }
            List<String> childPath = SchemaWalk.append(path, PathElements.field(name));
            if (removable(childPath)) {
                node.remove(name);
            } else if (toRemove.hasMembersBelow(childPath)) {
                value(node.get(name), childPath, childSchema);
            }
        }
    }

    private void value(JsonNode value, List<String> path, String schemaPath) {
        if (value.isObject() && !schema.isAtomicObject(schemaPath)) {
            object((ObjectNode) value, path, schemaPath, Set.of());
            return;
        }
        ListSchema list = schema.list(schemaPath);
        if (!value.isArray() || list.type() == ListType.ATOMIC) {
            return;
        }
        ArrayNode array = (ArrayNode) value;
        List<JsonNode> kept = new ArrayList<>();
        for (Map.Entry<String, JsonNode> item : SchemaWalk.items(array, list, path, false).entrySet()) {
            List<String> itemPath = SchemaWalk.append(path, item.getKey());
            if (removable(itemPath)) {
                continue;
            }
            if (list.type() == ListType.MAP && item.getValue().isObject() && toRemove.hasMembersBelow(itemPath)) {
                object((ObjectNode) item.getValue(), itemPath, SchemaWalk.item(schemaPath), Set.copyOf(list.keys()));
            }
            kept.add(item.getValue());
        }
        array.removeAll();
        array.addAll(kept);
    }

    private boolean removable(List<String> path) {
        return toRemove.has(path) && !owned.hasMembersBelow(path);
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
