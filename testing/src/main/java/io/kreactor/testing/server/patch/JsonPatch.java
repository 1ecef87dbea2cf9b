package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * RFC 6902 JSON patch ({@code application/json-patch+json}): a list of {@code add}, {@code remove},
 * {@code replace}, {@code move}, {@code copy} and {@code test} operations applied in order; if any fails,
 * none takes effect. Works on a deep copy, so the target is never changed.
 *
 * <p>As in the API server, a failed operation names its index, its op and its path; a patch that is not
 * an array of well-formed operations is a {@link MalformedPatchException}.
 */
final class JsonPatch {

    private JsonNode root;

    private JsonPatch(JsonNode root) {
        this.root = root;
    }

    static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isArray()) {
            throw new MalformedPatchException("a JSON patch must be an array of operations, got " + JsonValues.typeName(patch));
        }
        JsonPatch state = new JsonPatch(target.deepCopy());
        for (int i = 0; i < patch.size(); i++) {
            state.applyOperation(i, patch.get(i));
        }
        if (!state.root.isObject()) {
            throw new PatchException("the JSON patch replaced the whole object with " + JsonValues.typeName(state.root)
                    + "; a Kubernetes object must stay a JSON object");
        }
        return (ObjectNode) state.root;
    }

    private void applyOperation(int index, JsonNode operation) {
        if (!operation.isObject()) {
            throw new MalformedPatchException("JSON patch operation " + index + " must be an object, got " + JsonValues.typeName(operation));
        }
        String op = requiredText(index, operation, "op");
        JsonPointer path = JsonPointer.parse(requiredText(index, operation, "path"), "JSON patch operation " + index + " path");
        String where = "JSON patch operation " + index + " (" + op + " " + path + ")";
        switch (op) {
            case "add" -> add(where, path, requiredValue(index, operation).deepCopy());
            case "remove" -> remove(where, path);
            case "replace" -> replace(where, path, requiredValue(index, operation).deepCopy());
            case "move" -> {
                JsonPointer from = from(index, operation);
                if (!from.equals(path) && path.isWithin(from)) {
                    throw new PatchException(where + " failed: cannot move '" + from + "' into one of its own children");
                }
                JsonNode value = remove(where, from);
                add(where, path, value);
            }
            case "copy" -> {
                JsonPointer from = from(index, operation);
                JsonNode value = resolve(where, from);
                add(where, path, value.deepCopy());
            }
            case "test" -> {
                JsonNode expected = requiredValue(index, operation);
                JsonNode actual = find(path.tokens());
                if (actual == null) {
                    throw new PatchException(where + " failed: the path does not exist");
                }
                if (!JsonValues.equal(actual, expected)) {
                    throw new PatchException(where + " failed: the value at '" + path + "' is not equal to the expected value");
                }
            }
            default -> throw new MalformedPatchException("JSON patch operation " + index + " has unknown op '" + op
                    + "': expected add, remove, replace, move, copy or test");
        }
    }

    private void add(String where, JsonPointer path, JsonNode value) {
        if (path.isRoot()) {
            root = value;
            return;
        }
        JsonNode parent = container(where, path);
        String token = path.lastToken();
        if (parent instanceof ObjectNode object) {
            object.set(token, value);
            return;
        }
        ArrayNode array = (ArrayNode) parent;
        if (token.equals("-")) {
            array.add(value);
            return;
        }
        int index = arrayIndex(where, token, array.size(), true);
        array.insert(index, value);
    }

    private JsonNode remove(String where, JsonPointer path) {
        if (path.isRoot()) {
            throw new PatchException(where + " failed: the whole object cannot be removed");
        }
        JsonNode parent = container(where, path);
        String token = path.lastToken();
        if (parent instanceof ObjectNode object) {
            if (!object.has(token)) {
                throw new PatchException(where + " failed: the path does not exist");
            }
            return object.remove(token);
        }
        ArrayNode array = (ArrayNode) parent;
        return array.remove(arrayIndex(where, token, array.size(), false));
    }

    private void replace(String where, JsonPointer path, JsonNode value) {
        if (path.isRoot()) {
            root = value;
            return;
        }
        JsonNode parent = container(where, path);
        String token = path.lastToken();
        if (parent instanceof ObjectNode object) {
            if (!object.has(token)) {
                throw new PatchException(where + " failed: the path does not exist");
            }
            object.set(token, value);
            return;
        }
        ArrayNode array = (ArrayNode) parent;
        array.set(arrayIndex(where, token, array.size(), false), value);
    }

    /** The object or array that holds the value {@code path} addresses; it must exist. */
    private JsonNode container(String where, JsonPointer path) {
        JsonNode parent = find(path.parentTokens());
        if (parent == null) {
            throw new PatchException(where + " failed: the parent of the path does not exist");
        }
        if (!parent.isObject() && !parent.isArray()) {
            throw new PatchException(where + " failed: the parent of the path is " + JsonValues.typeName(parent)
                    + ", not an object or an array");
        }
        return parent;
    }

    private JsonNode resolve(String where, JsonPointer pointer) {
        JsonNode value = find(pointer.tokens());
        if (value == null) {
            throw new PatchException(where + " failed: the from path '" + pointer + "' does not exist");
        }
        return value;
    }

    /** The value at the tokens, or null if any step is missing. */
    private JsonNode find(List<String> tokens) {
        JsonNode node = root;
        for (String token : tokens) {
            if (node.isObject()) {
                node = node.get(token);
            } else if (node.isArray()) {
                int index = parseIndex(token);
                node = index >= 0 && index < node.size() ? node.get(index) : null;
            } else {
                node = null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    /** An array index token, checked against the array's size; {@code add} may also address the end. */
    private static int arrayIndex(String where, String token, int size, boolean allowEnd) {
        int index = parseIndex(token);
        if (index < 0) {
            throw new PatchException(where + " failed: '" + token + "' is not a valid array index");
        }
        if (index > size || (index == size && !allowEnd)) {
            throw new PatchException(where + " failed: array index " + index + " is out of bounds (the array has "
                    + size + " elements)");
        }
        return index;
    }

    /** RFC 6901 array index: {@code 0} or digits without a leading zero; -1 when the token is not one. */
    private static int parseIndex(String token) {
        if (token.isEmpty() || token.length() > 9 || (token.length() > 1 && token.charAt(0) == '0')) {
            return -1;
        }
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(token);
    }

    private static String requiredText(int index, JsonNode operation, String field) {
        JsonNode value = operation.get(field);
        if (value == null || !value.isTextual()) {
            throw new MalformedPatchException("JSON patch operation " + index + " must have a string '" + field + "'");
        }
        return value.asText();
    }

    private static JsonNode requiredValue(int index, JsonNode operation) {
        JsonNode value = operation.get("value");
        if (value == null) {
            throw new MalformedPatchException("JSON patch operation " + index + " (" + operation.get("op").asText()
                    + ") must have a 'value'");
        }
        return value;
    }

    private static JsonPointer from(int index, JsonNode operation) {
        return JsonPointer.parse(requiredText(index, operation, "from"), "JSON patch operation " + index + " from");
    }
}
