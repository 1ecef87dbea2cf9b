package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strategic merge patch ({@code application/strategic-merge-patch+json}), as apimachinery's
 * {@code strategicpatch} applies it on the server: a JSON merge patch in which lists with a merge key merge
 * item by item, set-like scalar lists merge as sets, and directives steer the merge:
 * <ul>
 *   <li>{@code $patch: replace} in an object replaces it; as a list item, the list becomes the patch's items;</li>
 *   <li>{@code $patch: delete} in an object empties it; as a list item, removes the item with that merge key;</li>
 *   <li>{@code $patch: merge} is the default and changes nothing;</li>
 *   <li>{@code $deleteFromPrimitiveList/<field>} removes values from a scalar list;</li>
 *   <li>{@code $setElementOrder/<field>} orders the merged list: listed items in that order, the others
 *       keeping their places relative to them as in the live list;</li>
 *   <li>{@code $retainKeys} clears every field of the object it does not list.</li>
 * </ul>
 * Without {@code $setElementOrder}, items named by the patch come first in patch order, interleaved with
 * the live list's other items wherever both lists agree on an order — the order apimachinery produces.
 * No directive ever lands in the result.
 */
final class StrategicMergePatch {

    static final String PATCH = "$patch";
    static final String RETAIN_KEYS = "$retainKeys";
    static final String SET_ELEMENT_ORDER = "$setElementOrder/";
    static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectSchema schema;

    private StrategicMergePatch(ObjectSchema schema) {
        this.schema = schema;
    }

    static ObjectNode apply(ObjectNode target, JsonNode patch, ObjectSchema schema) {
        if (patch == null || !patch.isObject()) {
            throw new MalformedPatchException("a strategic merge patch must be a JSON object, got " + JsonValues.typeName(patch));
        }
        return new StrategicMergePatch(schema).mergeObject(target.deepCopy(), (ObjectNode) patch, "");
    }

    /** Merges {@code patch} into {@code original}, which this method owns and may change; null means absent. */
    private ObjectNode mergeObject(ObjectNode original, ObjectNode patch, String path) {
        JsonNode directive = patch.get(PATCH);
        if (directive != null) {
            switch (directive.asText()) {
                case "replace" -> {
                    return mergeObject(null, withoutDirective(patch), path);
                }
                case "delete" -> {
                    return NODES.objectNode();
                }
                case "merge" -> {
                    // the default strategy: merge the rest of the patch as usual
                }
                default -> throw new MalformedPatchException("unknown $patch directive '" + directive.asText() + "' at "
                        + display(path) + ": expected replace, delete or merge");
            }
        }
        ObjectNode result = original != null ? original : NODES.objectNode();
        applyRetainKeys(result, patch, path);
        // $setElementOrder interleaves by the live order, so remember the live lists before merging into them
        Map<String, List<JsonNode>> liveLists = new HashMap<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String key = member.getKey();
            if (key.startsWith(SET_ELEMENT_ORDER)) {
                String field = key.substring(SET_ELEMENT_ORDER.length());
                liveLists.put(field, ListOrder.items(result.get(field)));
            }
        }
        List<Map.Entry<String, JsonNode>> orders = new ArrayList<>();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String key = member.getKey();
            JsonNode value = member.getValue();
            if (key.equals(PATCH) || key.equals(RETAIN_KEYS)) {
                continue;
            }
            if (key.startsWith(SET_ELEMENT_ORDER)) {
                orders.add(member);
            } else if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                deleteFromPrimitiveList(result, key.substring(DELETE_FROM_PRIMITIVE_LIST.length()), value, path);
            } else if (value.isNull()) {
                result.remove(key);
            } else {
                result.set(key, mergeValue(result.get(key), value, child(path, key)));
            }
        }
        for (Map.Entry<String, JsonNode> order : orders) {
            String field = order.getKey().substring(SET_ELEMENT_ORDER.length());
            setElementOrder(result, field, order.getValue(), liveLists.get(field), child(path, field));
        }
        return result;
    }

    private JsonNode mergeValue(JsonNode original, JsonNode patch, String path) {
        if (patch.isObject()) {
            ObjectNode originalObject = original != null && original.isObject() ? (ObjectNode) original : null;
            return mergeObject(originalObject, (ObjectNode) patch, path);
        }
        if (patch.isArray()) {
            ArrayNode originalArray = original != null && original.isArray() ? (ArrayNode) original : NODES.arrayNode();
            return mergeList(originalArray, (ArrayNode) patch, path);
        }
        return patch.deepCopy();
    }

    private JsonNode mergeList(ArrayNode original, ArrayNode patch, String path) {
        ListSchema list = schema.list(path);
        return switch (list.type()) {
            case MAP -> new KeyedListMerge(this, list.mergeKey(), path).merge(original, patch);
            case SET -> mergeSet(original, patch, path);
            case ATOMIC -> replaceList(patch, path);
        };
    }

    /** An atomic list: the patch's items, with any directives inside them resolved against nothing. */
    private ArrayNode replaceList(ArrayNode patch, String path) {
        ArrayNode result = NODES.arrayNode();
        for (JsonNode item : patch) {
            result.add(mergeValue(null, item, path + "[]"));
        }
        return result;
    }

    private JsonNode mergeSet(ArrayNode original, ArrayNode patch, String path) {
        for (JsonNode item : patch) {
            if (item.isContainerNode()) {
                // a list declared as a set of scalars that holds objects is replaced, as apimachinery does for type mismatches
                return replaceList(patch, path);
            }
        }
        List<JsonNode> patchItems = new ArrayList<>();
        for (JsonNode item : patch) {
            if (ListOrder.indexOf(patchItems, item, null) < 0) {
                patchItems.add(item.deepCopy());
            }
        }
        List<JsonNode> serverOnly = new ArrayList<>();
        List<JsonNode> originalItems = ListOrder.items(original);
        for (JsonNode item : originalItems) {
            if (ListOrder.indexOf(patchItems, item, null) < 0 && ListOrder.indexOf(serverOnly, item, null) < 0) {
                serverOnly.add(item);
            }
        }
        return ListOrder.toArray(ListOrder.interleave(serverOnly, patchItems, originalItems, null));
    }

    /** Merges a list item (a patch object without special directives) into its live counterpart, which may be null. */
    ObjectNode mergeItem(ObjectNode original, ObjectNode patch, String itemPath) {
        return mergeObject(original, patch, itemPath);
    }

    private void applyRetainKeys(ObjectNode result, ObjectNode patch, String path) {
        JsonNode retain = patch.get(RETAIN_KEYS);
        if (retain == null) {
            return;
        }
        if (!retain.isArray()) {
            throw new MalformedPatchException("$retainKeys at " + display(path) + " must be a list of field names, got "
                    + JsonValues.typeName(retain));
        }
        Set<String> keep = new HashSet<>();
        for (JsonNode name : retain) {
            if (!name.isTextual()) {
                throw new MalformedPatchException("$retainKeys at " + display(path) + " must be a list of field names, got "
                        + JsonValues.typeName(name) + " in it");
            }
            keep.add(name.asText());
        }
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            String key = member.getKey();
            if (!key.startsWith("$") && !member.getValue().isNull() && !keep.contains(key)) {
                throw new PatchException("the patch sets field '" + key + "' at " + display(path)
                        + " that its $retainKeys directive does not list");
            }
        }
        result.properties().removeIf(member -> !keep.contains(member.getKey()));
    }

    private static void deleteFromPrimitiveList(ObjectNode result, String field, JsonNode values, String path) {
        if (!values.isArray()) {
            throw new MalformedPatchException("$deleteFromPrimitiveList/" + field + " at " + display(path)
                    + " must be a list, got " + JsonValues.typeName(values));
        }
        JsonNode list = result.get(field);
        if (list == null || !list.isArray()) {
            return;
        }
        ArrayNode remaining = NODES.arrayNode();
        for (JsonNode item : list) {
            if (ListOrder.indexOf(values, item, null) < 0) {
                remaining.add(item);
            }
        }
        result.set(field, remaining);
    }

    private void setElementOrder(ObjectNode result, String field, JsonNode order, List<JsonNode> live, String path) {
        if (!order.isArray()) {
            throw new MalformedPatchException("$setElementOrder/" + field + " at " + display(path)
                    + " must be a list, got " + JsonValues.typeName(order));
        }
        JsonNode merged = result.get(field);
        ListSchema list = schema.list(path);
        if (merged == null || !merged.isArray() || list.type() == ListType.ATOMIC) {
            return;
        }
        String key = list.type() == ListType.MAP ? list.mergeKey() : null;
        List<JsonNode> listed = new ArrayList<>();
        List<JsonNode> others = new ArrayList<>();
        for (JsonNode item : merged) {
            (ListOrder.indexOf(order, item, key) >= 0 ? listed : others).add(item);
        }
        listed.sort((a, b) -> Integer.compare(ListOrder.indexOf(order, a, key), ListOrder.indexOf(order, b, key)));
        result.set(field, ListOrder.toArray(ListOrder.interleave(others, listed, live, key)));
    }

    private static ObjectNode withoutDirective(ObjectNode patch) {
        ObjectNode copy = patch.deepCopy();
        copy.remove(PATCH);
        return copy;
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String display(String path) {
        return path.isEmpty() ? "the object's root" : "'" + path + "'";
    }
}
