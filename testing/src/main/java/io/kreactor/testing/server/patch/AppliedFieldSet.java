package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * The fields an applied configuration specifies — what its manager will own (structured-merge-diff's
 * {@code ToFieldSet}): every scalar, atomic list and atomic object; every item of a map list (the item itself,
 * {@code "."}, and its fields); every value of a set; empty objects and explicit nulls. Objects whose fields
 * merge are not members themselves, only their fields are.
 */
final class AppliedFieldSet {

    private final ObjectSchema schema;
    private final FieldSet out = FieldSet.empty();

    private AppliedFieldSet(ObjectSchema schema) {
        this.schema = schema;
    }

    static FieldSet of(ObjectNode applied, ObjectSchema schema) {
        AppliedFieldSet walk = new AppliedFieldSet(schema);
        walk.object(applied, List.of(), "");
        return walk.out;
    }

    private void object(JsonNode node, List<String> path, String schemaPath) {
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String childSchema = SchemaWalk.child(schemaPath, field.getKey());
            if (SchemaWalk.unmanaged(childSchema)) {
                continue;
            }
            List<String> childPath = SchemaWalk.append(path, PathElements.field(field.getKey()));
            JsonNode value = field.getValue();
            if (value.isNull() || (value.isObject() && value.isEmpty())) {
                out.insert(childPath);
            } else {
                value(value, childPath, childSchema);
            }
        }
    }

    private void value(JsonNode value, List<String> path, String schemaPath) {
        if (value.isObject()) {
            if (schema.isAtomicObject(schemaPath)) {
                out.insert(path);
            } else {
                object(value, path, schemaPath);
            }
        } else if (value.isArray()) {
            ListSchema list = schema.list(schemaPath);
            if (list.type() == ListType.ATOMIC) {
                out.insert(path);
                return;
            }
            SchemaWalk.items(value, list, path, true).forEach((element, item) -> {
                List<String> itemPath = SchemaWalk.append(path, element);
                out.insert(itemPath);
                if (list.type() == ListType.MAP) {
                    object(item, itemPath, SchemaWalk.item(schemaPath));
                }
            });
        } else {
            out.insert(path);
        }
    }
}
