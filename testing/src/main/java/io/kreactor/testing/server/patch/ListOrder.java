package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/** List identity and ordering rules shared by strategic merge patch's list merges and directives. */
final class ListOrder {

    private ListOrder() {
    }

    /** The items of an array node, or an empty list for anything else. */
    static List<JsonNode> items(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(items::add);
        }
        return items;
    }

    /**
     * The position of {@code item} in {@code list}: by the value of {@code mergeKey} for lists of objects, by
     * value for scalar lists (when {@code mergeKey} is null); -1 when absent.
     */
    static int indexOf(Iterable<JsonNode> list, JsonNode item, String mergeKey) {
        JsonNode wanted = mergeKey == null ? item : item.get(mergeKey);
        if (wanted == null) {
            return -1;
        }
        int i = 0;
        for (JsonNode candidate : list) {
            JsonNode value = mergeKey == null ? candidate : candidate.get(mergeKey);
            if (value != null && JsonValues.equal(value, wanted)) {
                return i;
            }
            i++;
        }
        return -1;
    }

    /**
     * Interleaves the live-only items with the patch's items, keeping each list's own order. A live-only item
     * goes first only when both it and the next patch item are in the live list and it came first there;
     * otherwise the patch item goes first, so new items land before the remaining live-only ones. This is the
     * order apimachinery's strategic merge produces.
     */
    static List<JsonNode> interleave(List<JsonNode> liveOnly, List<JsonNode> patchItems, List<JsonNode> live, String mergeKey) {
        List<JsonNode> result = new ArrayList<>(liveOnly.size() + patchItems.size());
        int i = 0;
        int j = 0;
        while (i < liveOnly.size() || j < patchItems.size()) {
            if (i >= liveOnly.size()) {
                result.add(patchItems.get(j++));
            } else if (j >= patchItems.size()) {
                result.add(liveOnly.get(i++));
            } else {
                int left = indexOf(live, liveOnly.get(i), mergeKey);
                int right = indexOf(live, patchItems.get(j), mergeKey);
                if (left >= 0 && right >= 0 && left < right) {
                    result.add(liveOnly.get(i++));
                } else {
                    result.add(patchItems.get(j++));
                }
            }
        }
        return result;
    }

    static ArrayNode toArray(List<JsonNode> items) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        items.forEach(array::add);
        return array;
    }
}
