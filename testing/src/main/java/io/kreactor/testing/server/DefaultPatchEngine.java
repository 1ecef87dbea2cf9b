package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.testing.server.patch.Patches;

/** The {@link PatchEngine} backed by the {@code patch} package. */
final class DefaultPatchEngine implements PatchEngine {

    @Override
    public ObjectNode jsonPatch(ObjectNode target, JsonNode patch) {
        return Patches.jsonPatch(target, patch);
    }

    @Override
    public ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        return Patches.mergePatch(target, patch);
    }

    @Override
    public ObjectNode strategicMergePatch(ObjectNode target, JsonNode patch, GroupVersionKind gvk) {
        throw ApiError.of(415, "UnsupportedMediaType", "strategic merge patch is not available in this build");
    }

    @Override
    public ObjectNode apply(ObjectNode live, ObjectNode applied, String manager, boolean force, String timestamp) {
        throw ApiError.of(415, "UnsupportedMediaType", "server-side apply is not available in this build");
    }

    @Override
    public ObjectNode recordUpdate(ObjectNode before, ObjectNode after, String manager, String timestamp) {
        return after;
    }
}
