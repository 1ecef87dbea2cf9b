package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionKind;

import java.util.Objects;

/**
 * The three patch types of a Kubernetes {@code PATCH} request, as pure functions on Jackson trees. Every
 * method returns a new tree and never changes its arguments, so the embedded API server can patch a copy
 * of a stored object and compare it with the original.
 *
 * <p>Failures are {@link PatchException}s (the server answers 422), or {@link MalformedPatchException}s
 * when the patch body itself is not a valid patch (400).
 */
public final class Patches {

    private Patches() {
    }

    /**
     * Applies an RFC 6902 JSON patch ({@code application/json-patch+json}): an array of {@code add},
     * {@code remove}, {@code replace}, {@code move}, {@code copy} and {@code test} operations, with RFC 6901
     * pointers ({@code ~0}, {@code ~1} escapes, {@code -} to append to an array). All or nothing: a failing
     * operation (a {@code test} that does not match, a missing path, an index out of bounds) throws a
     * {@link PatchException} naming the operation's index, op and path.
     *
     * @param target the object to patch, unchanged
     * @param patch  the JSON patch document
     * @return the patched copy
     */
    public static ObjectNode jsonPatch(ObjectNode target, JsonNode patch) {
        Objects.requireNonNull(target, "target");
        return JsonPatch.apply(target, patch);
    }

    /**
     * Applies an RFC 7386 JSON merge patch ({@code application/merge-patch+json}): {@code null} deletes a
     * member, objects merge recursively, arrays and scalars replace. The patch must be an object.
     *
     * @param target the object to patch, unchanged
     * @param patch  the merge patch document
     * @return the patched copy
     */
    public static ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        Objects.requireNonNull(target, "target");
        return MergePatch.apply(target, patch);
    }

    /**
     * Applies a strategic merge patch ({@code application/strategic-merge-patch+json}) to an object of a
     * built-in kind, with the list merge keys of {@link BuiltinSchemas#forKind}: containers merge by name,
     * env by name, ports by containerPort, conditions by type, finalizers as a set, other lists replace. Honours
     * the {@code $patch}, {@code $retainKeys}, {@code $deleteFromPrimitiveList/} and {@code $setElementOrder/}
     * directives and never leaves one in the result.
     *
     * @param target the object to patch, unchanged
     * @param patch  the strategic merge patch document
     * @param gvk    the object's kind, which selects the merge keys
     * @return the patched copy
     * @throws UnsupportedPatchException for kinds outside the built-in API groups (custom resources), as the
     *                                   API server answers 415 for them
     */
    public static ObjectNode strategicMergePatch(ObjectNode target, JsonNode patch, GroupVersionKind gvk) {
        Objects.requireNonNull(gvk, "gvk");
        if (!supportsStrategicMerge(gvk)) {
            throw new UnsupportedPatchException("strategic merge patch is not supported for " + gvk
                    + ": the body of the request was in an unknown format - accepted media types include: "
                    + "application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml");
        }
        return strategicMergePatch(target, patch, BuiltinSchemas.forKind(gvk));
    }

    /**
     * Applies a strategic merge patch with explicitly given merge rules, for kinds the built-in table does not
     * describe.
     *
     * @param target the object to patch, unchanged
     * @param patch  the strategic merge patch document
     * @param schema the list merge keys to use
     * @return the patched copy
     */
    public static ObjectNode strategicMergePatch(ObjectNode target, JsonNode patch, ObjectSchema schema) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(schema, "schema");
        return StrategicMergePatch.apply(target, patch, schema);
    }

    /**
     * Whether the API server accepts strategic merge patches for this kind: only for kinds of the built-in API
     * groups, never for custom resources (the server answers 415 Unsupported Media Type).
     */
    public static boolean supportsStrategicMerge(GroupVersionKind gvk) {
        return BuiltinSchemas.supportsStrategicMerge(gvk);
    }
}
