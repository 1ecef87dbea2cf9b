package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
}
