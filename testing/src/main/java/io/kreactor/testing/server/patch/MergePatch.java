package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * RFC 7386 JSON merge patch ({@code application/merge-patch+json}): a member set to {@code null} is
 * deleted, objects merge recursively, and every other value — arrays included — replaces what was there.
 */
final class MergePatch {

    private MergePatch() {
    }

    static ObjectNode apply(ObjectNode target, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            // RFC 7386 would replace the whole document; a Kubernetes object cannot become a non-object.
            throw new MalformedPatchException("a merge patch for a Kubernetes object must be a JSON object, got "
                    + JsonValues.typeName(patch));
        }
        return (ObjectNode) merge(target, patch);
    }

    /** MergePatch(target, patch) from RFC 7386 section 2; returns a new node, never changes its inputs. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject()
                ? ((ObjectNode) target).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }
}
