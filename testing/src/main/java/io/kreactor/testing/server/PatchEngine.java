package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionKind;

/**
 * The patch algorithms and field-ownership bookkeeping the server needs, as one seam over the {@code patch}
 * package: every method returns a new tree and leaves its arguments alone. Failures arrive as {@link ApiError}s.
 */
interface PatchEngine {

    ObjectNode jsonPatch(ObjectNode target, JsonNode patch);

    ObjectNode mergePatch(ObjectNode target, JsonNode patch);

    ObjectNode strategicMergePatch(ObjectNode target, JsonNode patch, GroupVersionKind gvk);

    /** Server-side apply of {@code applied} onto {@code live} (null to create), maintaining managedFields. */
    ObjectNode apply(ResourceRequest request, ObjectNode live, ObjectNode applied, String manager, boolean force,
                     String timestamp);

    /** Records {@code manager}'s ownership of what a create/update/patch set; returns the object to store. */
    ObjectNode recordUpdate(ResourceRequest request, ObjectNode before, ObjectNode after, String manager,
                            String timestamp);
}
