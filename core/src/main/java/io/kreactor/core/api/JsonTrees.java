package io.kreactor.core.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Map;

/**
 * Tree helpers for {@link Unstructured}. Among them: putting numbers in a Jackson tree into the one form Jackson's parser produces, so that two trees for the same
 * JSON text are {@code equals} however they were built: {@code valueToTree} of a {@code long} field gives a
 * {@code LongNode} where parsing gives an {@code IntNode}, and Jackson compares node classes.
 */
final class JsonTrees {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonTrees() {
    }

    /** Rewrites, in place, every number under {@code node} into its canonical node class. */
    static void canonicalizeNumbers(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> e : object.properties()) {
                JsonNode child = e.getValue();
                if (child.isNumber()) {
                    e.setValue(canonicalNumber(child));
                } else if (child.isContainerNode()) {
                    canonicalizeNumbers(child);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode child = array.get(i);
                if (child.isNumber()) {
                    array.set(i, canonicalNumber(child));
                } else if (child.isContainerNode()) {
                    canonicalizeNumbers(child);
                }
            }
        }
    }

    private static JsonNode canonicalNumber(JsonNode n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (n.isIntegralNumber()) {
            if (n.canConvertToInt()) {
                return n.isInt() ? n : f.numberNode(n.intValue());
            }
            if (n.canConvertToLong()) {
                return n.isLong() ? n : f.numberNode(n.longValue());
            }
            BigInteger big = n.bigIntegerValue();
            return big.compareTo(LONG_MIN) >= 0 && big.compareTo(LONG_MAX) <= 0 ? f.numberNode(big.longValue()) : f.numberNode(big);
        }
        if (n.isBigDecimal()) {
            BigDecimal d = n.decimalValue();
            double asDouble = d.doubleValue();
            // Only fold a decimal into a double when that loses nothing; otherwise keep the exact value.
            return Double.isFinite(asDouble) && new BigDecimal(asDouble).compareTo(d) == 0 ? f.numberNode(asDouble) : n;
        }
        return n.isDouble() ? n : f.numberNode(n.doubleValue());
    }

    /** The value of {@code field} as text when it is a scalar (not null), otherwise null. */
    static String text(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isValueNode() && !n.isNull() ? n.asText() : null;
    }

    /** The object at {@code field} as an unmodifiable string map (scalars rendered as text), empty when absent. */
    static Map<String, String> stringMap(JsonNode node, String field) {
        JsonNode n = node.path(field);
        return n.isObject() ? Collections.unmodifiableMap(KubernetesJson.mapper().convertValue(n, STRING_MAP)) : Map.of();
    }

    /**
     * Sets {@code value} at {@code path} under {@code root}, creating intermediate objects; a null value removes
     * the last field (and creates nothing).
     *
     * @throws IllegalArgumentException when a step of the path exists but is not an object
     */
    static void setNested(ObjectNode root, JsonNode value, String... path) {
        ObjectNode parent = root;
        for (int i = 0; i < path.length - 1; i++) {
            JsonNode next = parent.get(path[i]);
            if (next == null || next.isNull()) {
                if (value == null) {
                    return;
                }
                next = parent.putObject(path[i]);
            } else if (!next.isObject()) {
                throw new IllegalArgumentException("cannot set " + String.join(".", path) + ": " + path[i]
                        + " is " + next.getNodeType() + ", not an object");
            }
            parent = (ObjectNode) next;
        }
        if (value == null) {
            parent.remove(path[path.length - 1]);
        } else {
            parent.set(path[path.length - 1], value);
        }
    }
}
