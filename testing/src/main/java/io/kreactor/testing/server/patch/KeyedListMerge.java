package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The strategic merge of a list of objects with a merge key ({@code containers} by {@code name}): patch items
 * merge into the live item with the same key or are added; {@code {"$patch": "delete", key: v}} removes an
 * item; {@code {"$patch": "replace"}} makes the list exactly the patch's other items.
 */
final class KeyedListMerge {

    private final StrategicMergePatch merger;
    private final String mergeKey;
    private final String path;

    KeyedListMerge(StrategicMergePatch merger, String mergeKey, String path) {
        this.merger = merger;
        this.mergeKey = mergeKey;
        this.path = path;
    }

    ArrayNode merge(ArrayNode original, ArrayNode patch) {
        List<JsonNode> live = ListOrder.items(original);
        List<ObjectNode> patchItems = new ArrayList<>();
        boolean replace = false;
        for (int i = 0; i < patch.size(); i++) {
            JsonNode item = patch.get(i);
            if (!item.isObject()) {
                throw new PatchException("item " + i + " of the patch's list '" + path + "' is " + JsonValues.typeName(item)
                        + ", but the list merges objects by their '" + mergeKey + "'");
            }
            JsonNode directive = item.get(StrategicMergePatch.PATCH);
            if (directive == null) {
                if (item.get(mergeKey) == null) {
                    throw new PatchException("item " + i + " of the patch's list '" + path + "' does not contain its merge key '"
                            + mergeKey + "'");
                }
                patchItems.add((ObjectNode) item);
                continue;
            }
            switch (directive.asText()) {
                case "delete" -> {
                    if (item.get(mergeKey) == null) {
                        throw new PatchException("item " + i + " of the patch's list '" + path
                                + "' has '$patch: delete' but no merge key '" + mergeKey + "' to say which item to delete");
                    }
                    live.removeIf(candidate -> ListOrder.indexOf(List.of(candidate), item, mergeKey) == 0);
                }
                case "replace" -> replace = true;
                case "merge" -> {
                    // the default for lists with a merge key
                }
                default -> throw new MalformedPatchException("unknown $patch directive '" + directive.asText() + "' in item " + i
                        + " of the list '" + path + "': expected replace, delete or merge");
            }
        }
        String itemPath = path + "[]";
        if (replace) {
            ArrayNode result = original.arrayNode();
            for (ObjectNode item : patchItems) {
                result.add(merger.mergeItem(null, item, itemPath));
            }
            return result;
        }
        List<JsonNode> merged = new ArrayList<>();
        for (ObjectNode item : patchItems) {
            int existing = ListOrder.indexOf(live, item, mergeKey);
            int already = ListOrder.indexOf(merged, item, mergeKey);
            if (already >= 0) {
                merged.set(already, merger.mergeItem((ObjectNode) merged.get(already), item, itemPath));
            } else if (existing >= 0 && live.get(existing).isObject()) {
                merged.add(merger.mergeItem((ObjectNode) live.get(existing), item, itemPath));
            } else {
                merged.add(merger.mergeItem(null, item, itemPath));
            }
        }
        List<JsonNode> liveOnly = new ArrayList<>();
        for (JsonNode item : live) {
            if (ListOrder.indexOf(merged, item, mergeKey) < 0) {
                liveOnly.add(item);
            }
        }
        return ListOrder.toArray(ListOrder.interleave(liveOnly, merged, ListOrder.items(original), mergeKey));
    }
}
