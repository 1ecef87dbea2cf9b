package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.KubernetesJson;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The path elements of the FieldsV1 encoding ({@code sigs.k8s.io/structured-merge-diff}): {@code f:<name>} for
 * an object field, {@code k:<json>} for the item of a map list with those key field values (keys sorted by
 * name), {@code v:<json>} for a set value, {@code i:<n>} for a list index. Elements are kept as these exact
 * strings, so a field set serializes to FieldsV1 without translation.
 */
final class PathElements {

    private static final ObjectMapper JSON = KubernetesJson.mapper();

    /** Fields first, then keys, values and indices, as structured-merge-diff orders path elements. */
    static final Comparator<String> ORDER = Comparator.comparingInt(PathElements::rank).thenComparing(Comparator.naturalOrder());

    private PathElements() {
    }

    static String field(String name) {
        return "f:" + name;
    }

    static String value(JsonNode value) {
        return "v:" + value.toString();
    }

    static String index(int index) {
        return "i:" + index;
    }

    /** The key element of a map-list item from its key field values; the keys are sorted by name. */
    static String key(Map<String, JsonNode> keyValues) {
        ObjectNode key = JSON.createObjectNode();
        new TreeMap<>(keyValues).forEach(key::set);
        return "k:" + key;
    }

    /** Whether the string is a well-formed element; {@code k:} and {@code v:} elements are rewritten canonically. */
    static String canonical(String element) {
        if (element.length() < 2 || element.charAt(1) != ':') {
            throw new IllegalArgumentException("'" + element + "' is not a FieldsV1 path element (f:, k:, v: or i:)");
        }
        String rest = element.substring(2);
        switch (element.charAt(0)) {
            case 'f':
                return element;
            case 'i':
                try {
                    return index(Integer.parseInt(rest));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + element + "' is not a FieldsV1 index element");
                }
            case 'v':
                return value(parse(element, rest));
            case 'k':
                JsonNode key = parse(element, rest);
                if (!key.isObject()) {
                    throw new IllegalArgumentException("'" + element + "' is not a FieldsV1 key element: its key is not a JSON object");
                }
                Map<String, JsonNode> values = new TreeMap<>();
                for (Map.Entry<String, JsonNode> e : key.properties()) {
                    values.put(e.getKey(), e.getValue());
                }
                return key(values);
            default:
                throw new IllegalArgumentException("'" + element + "' is not a FieldsV1 path element (f:, k:, v: or i:)");
        }
    }

    /**
     * Renders a path as the API server does in conflict messages: {@code .spec.containers[name="app"].image},
     * {@code .metadata.finalizers[="x"]}, {@code .spec.args[0]}.
     */
    static String render(List<String> path) {
        StringBuilder out = new StringBuilder();
        for (String element : path) {
            String rest = element.substring(2);
            switch (element.charAt(0)) {
                case 'f' -> out.append('.').append(rest);
                case 'i' -> out.append('[').append(rest).append(']');
                case 'v' -> out.append("[=").append(rest).append(']');
                default -> {
                    List<String> parts = new ArrayList<>();
                    for (Map.Entry<String, JsonNode> e : parse(element, rest).properties()) {
                        parts.add(e.getKey() + "=" + e.getValue());
                    }
                    out.append('[').append(String.join(",", parts)).append(']');
                }
            }
        }
        return out.toString();
    }

    private static JsonNode parse(String element, String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'" + element + "' does not hold valid JSON after its prefix", e);
        }
    }

    private static int rank(String element) {
        return switch (element.charAt(0)) {
            case 'f' -> 0;
            case 'k' -> 1;
            case 'v' -> 2;
            default -> 3;
        };
    }
}
