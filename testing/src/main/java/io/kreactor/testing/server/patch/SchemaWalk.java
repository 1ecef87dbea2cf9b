package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Steps shared by the server-side apply walks over an object and its {@link ObjectSchema}: schema paths,
 * the fields nobody manages, and the FieldsV1 element that identifies each list item.
 */
final class SchemaWalk {

    /**
     * Fields the API server strips from every field set (its {@code stripMeta} manager): they belong to the
     * server or identify the object, so no manager owns them and no apply conflicts on them.
     */
    private static final Set<String> UNMANAGED = Set.of(
            "apiVersion", "kind", "metadata.name", "metadata.namespace", "metadata.creationTimestamp",
            "metadata.selfLink", "metadata.uid", "metadata.clusterName", "metadata.generation",
            "metadata.managedFields", "metadata.resourceVersion");

    /**
     * Top-level objects every built-in Go type has even when empty ({@code metadata}, {@code spec},
     * {@code status} are non-pointer structs), so the API server never sees them appear and never records
     * them as owned nodes; the server strips {@code metadata} explicitly.
     */
    private static final Set<String> ALWAYS_PRESENT = Set.of("metadata", "spec", "status");

    private SchemaWalk() {
    }

    static boolean alwaysPresent(String schemaPath) {
        return ALWAYS_PRESENT.contains(schemaPath);
    }

    static boolean unmanaged(String schemaPath) {
        return UNMANAGED.contains(schemaPath);
    }

    static String child(String schemaPath, String field) {
        return StrategicMergePatch.child(schemaPath, field);
    }

    static String item(String schemaPath) {
        return schemaPath + "[]";
    }

    static List<String> append(List<String> path, String element) {
        List<String> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(element);
        return out;
    }

    /**
     * The items of a list by their FieldsV1 element, in list order: {@code k:} for map lists, {@code v:} for
     * sets, {@code i:} for anything else. With {@code strict} (an applied configuration), an item without its
     * key fields or a duplicate is an error, as structured-merge-diff reports it; otherwise (a stored object)
     * such items fall back to their index so they are still accounted for.
     */
    static LinkedHashMap<String, JsonNode> items(JsonNode list, ListSchema schema, List<String> path, boolean strict) {
        LinkedHashMap<String, JsonNode> items = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            String element = element(item, schema, path, i, strict);
            if (items.containsKey(element)) {
                if (strict) {
                    throw new PatchException(where(path) + ": duplicate entries for key " + PathElements.render(List.of(element)));
                }
                element = PathElements.index(i);
            }
            items.put(element, item);
        }
        return items;
    }

    private static String element(JsonNode item, ListSchema schema, List<String> path, int index, boolean strict) {
        switch (schema.type()) {
            case MAP -> {
                if (!item.isObject()) {
                    return invalid(strict, index, where(path) + ": item " + index + " is " + JsonValues.typeName(item)
                            + ", but the list's items are objects identified by " + schema.keys());
                }
                Map<String, JsonNode> key = new HashMap<>();
                for (String field : schema.keys()) {
                    JsonNode value = item.get(field);
                    if (value == null || value.isNull()) {
                        value = schema.keyDefaults().get(field);
                    }
                    if (value == null) {
                        return invalid(strict, index, where(path) + ": associative list with keys has an element that omits key field \""
                                + field + "\" (and doesn't have default value)");
                    }
                    key.put(field, value);
                }
                return PathElements.key(key);
            }
            case SET -> {
                if (item.isContainerNode()) {
                    return invalid(strict, index, where(path) + ": item " + index + " is " + JsonValues.typeName(item)
                            + ", but the list is a set of scalars");
                }
                return PathElements.value(item);
            }
            default -> {
                return PathElements.index(index);
            }
        }
    }

    private static String invalid(boolean strict, int index, String message) {
        if (strict) {
            throw new PatchException(message);
        }
        return PathElements.index(index);
    }

    private static String where(List<String> path) {
        return PathElements.render(path);
    }
}
