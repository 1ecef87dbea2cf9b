package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two versions of an object, as field sets (structured-merge-diff's {@code Compare}):
 * {@code added} holds fields, list items and objects that appeared, {@code modified} scalars and atomic
 * values whose value changed, {@code removed} everything that disappeared. Unmanaged fields
 * ({@code metadata.resourceVersion}, {@code metadata.managedFields}…) are never reported.
 *
 * @param added    paths present only in the new object
 * @param modified leaf paths whose value changed
 * @param removed  paths present only in the old object
 */
record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {

    static Comparison of(JsonNode oldObject, JsonNode newObject, ObjectSchema schema) {
        Walk walk = new Walk(schema);
        walk.children(oldObject, newObject, List.of(), "");
        return new Comparison(walk.added, walk.modified, walk.removed);
    }

    /** Fields that were added or modified: what the writer now owns and other managers lose. */
    FieldSet changed() {
        return added.union(modified);
    }

    boolean isEmpty() {
        return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
    }

    private static final class Walk {
        private final ObjectSchema schema;
        private final FieldSet added = FieldSet.empty();
        private final FieldSet modified = FieldSet.empty();
        private final FieldSet removed = FieldSet.empty();

        Walk(ObjectSchema schema) {
            this.schema = schema;
        }

        void compare(JsonNode before, JsonNode after, List<String> path, String schemaPath) {
            if (before == null && after == null) {
                return;
            }
            boolean granularBefore = granular(before, schemaPath);
            boolean granularAfter = granular(after, schemaPath);
            if (before == null) {
                if (!SchemaWalk.alwaysPresent(schemaPath)) {
                    added.insert(path);
                }
                if (granularAfter) {
                    children(null, after, path, schemaPath);
                }
            } else if (after == null) {
                if (!SchemaWalk.alwaysPresent(schemaPath)) {
                    removed.insert(path);
                }
                if (granularBefore) {
                    children(before, null, path, schemaPath);
                }
            } else if (granularBefore && granularAfter && before.getNodeType() == after.getNodeType()) {
                children(before, after, path, schemaPath);
            } else if (granularBefore || granularAfter) {
                // the shape changed (an object became a list or a scalar): every field below changed hands
                modified.insert(path);
                children(granularBefore ? before : null, granularAfter ? after : null, path, schemaPath);
            } else if (!JsonValues.equal(before, after)) {
                modified.insert(path);
            }
        }

        /** Compares what lies below two versions of a granular object or list; either may be null. */
        void children(JsonNode before, JsonNode after, List<String> path, String schemaPath) {
            JsonNode shape = before != null ? before : after;
            if (shape.isObject()) {
                Set<String> names = new LinkedHashSet<>();
                if (before != null) {
                    before.fieldNames().forEachRemaining(names::add);
                }
                if (after != null) {
                    after.fieldNames().forEachRemaining(names::add);
                }
                for (String name : names) {
                    String childSchema = SchemaWalk.child(schemaPath, name);
                    if (!SchemaWalk.unmanaged(childSchema)) {
                        compare(before == null ? null : before.get(name), after == null ? null : after.get(name),
                                SchemaWalk.append(path, PathElements.field(name)), childSchema);
                    }
                }
                return;
            }
            ListSchema list = schema.list(schemaPath);
            Map<String, JsonNode> beforeItems = before == null ? Map.of() : SchemaWalk.items(before, list, path, false);
            Map<String, JsonNode> afterItems = after == null ? Map.of() : SchemaWalk.items(after, list, path, false);
            Map<String, Boolean> elements = new LinkedHashMap<>();
            beforeItems.keySet().forEach(e -> elements.put(e, true));
            afterItems.keySet().forEach(e -> elements.put(e, true));
            String itemSchema = SchemaWalk.item(schemaPath);
            for (String element : elements.keySet()) {
                JsonNode beforeItem = beforeItems.get(element);
                JsonNode afterItem = afterItems.get(element);
                List<String> itemPath = SchemaWalk.append(path, element);
                if (list.type() == ListType.MAP && (beforeItem == null || beforeItem.isObject())
                        && (afterItem == null || afterItem.isObject())) {
                    if (beforeItem == null) {
                        added.insert(itemPath);
                    } else if (afterItem == null) {
                        removed.insert(itemPath);
                    }
                    children(beforeItem, afterItem, itemPath, itemSchema);
                } else {
                    compare(beforeItem, afterItem, itemPath, itemSchema);
                }
            }
        }

        private boolean granular(JsonNode node, String schemaPath) {
            if (node == null) {
                return false;
            }
            if (node.isObject()) {
                return !schema.isAtomicObject(schemaPath);
            }
            return node.isArray() && schema.list(schemaPath).type() != ListType.ATOMIC;
        }
    }
}
