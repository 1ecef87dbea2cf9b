package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Locale;

/**
 * PATCH of an object or its status: JSON patch, merge patch, strategic merge patch, and server-side apply
 * ({@code application/apply-patch+yaml}, which may create the object). The patch is applied to the current object
 * under the store's monitor and the result goes through the same update rules as a PUT; a
 * {@code metadata.resourceVersion} in the patch is a precondition.
 */
final class PatchHandler {

    static final String JSON_PATCH = "application/json-patch+json";
    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
    static final String APPLY_PATCH = "application/apply-patch+yaml";

    private static final ObjectMapper YAML = new YAMLMapper();

    static {
        // Warm Jackson's deserializer cache off the event loop (it locks on first use).
        try {
            YAML.readTree("a: [1, b]\n");
        } catch (java.io.IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ServerState state;
    private final Writes writes;
    private final PatchEngine engine;

    PatchHandler(ServerState state, Writes writes, PatchEngine engine) {
        this.state = state;
        this.writes = writes;
        this.engine = engine;
    }

    ObjectNode patch(ResourceRequest request, String contentType, String body) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (type.equals(APPLY_PATCH)) {
            return apply(request, body);
        }
        if (!type.equals(JSON_PATCH) && !type.equals(MERGE_PATCH) && !type.equals(STRATEGIC_MERGE_PATCH)) {
            throw ApiError.of(415, "UnsupportedMediaType", "the body of the request was in an unknown format - "
                    + "accepted media types include: " + JSON_PATCH + ", " + MERGE_PATCH + ", "
                    + STRATEGIC_MERGE_PATCH + ", " + APPLY_PATCH);
        }
        JsonNode patch = parse(body, Json.MAPPER);
        boolean dryRun = request.dryRun();
        return state.store.atomically(() -> {
            ObjectNode current = current(request);
            if (current == null) {
                throw ApiError.notFound(request.type(), request.name());
            }
            ObjectNode patched = guarded(() -> switch (type) {
                case JSON_PATCH -> engine.jsonPatch(current, patch);
                case MERGE_PATCH -> engine.mergePatch(current, patch);
                default -> engine.strategicMergePatch(current, patch, request.type().gvk(request.version()));
            });
            checkPrecondition(request, current, patched);
            return writes.commitUpdate(request, current, prepare(request, current, patched), dryRun);
        });
    }

    private ObjectNode apply(ResourceRequest request, String body) {
        String manager = request.param("fieldManager");
        if (manager == null || manager.isEmpty()) {
            throw ApiError.of(422, "Invalid", "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required "
                    + "value: is required for apply patch");
        }
        JsonNode parsed = parse(body, YAML);
        if (!(parsed instanceof ObjectNode applied)) {
            throw ApiError.badRequest("an apply patch must be an object");
        }
        boolean force = request.flag("force");
        boolean dryRun = request.dryRun();
        ObjectRules.checkBody(request, applied);
        return state.store.atomically(() -> {
            ObjectNode current = current(request);
            String now = state.now();
            if (current == null) {
                if ("status".equals(request.subresource())) {
                    throw ApiError.notFound(request.type(), request.name());
                }
                Namespaces.checkWritable(state, request);
                ObjectNode created = guarded(() -> engine.apply(request, null, applied, manager, force, now));
                ObjectRules.prepareForCreate(request.type(), created, now);
                if (dryRun) {
                    return created;
                }
                return state.store.put(request.groupResource(), request.key(request.name()), created).object();
            }
            checkPrecondition(request, current, applied);
            ObjectNode result = guarded(() -> engine.apply(request, current, applied, manager, force, now));
            return writes.commitPrepared(request, current, prepare(request, current, result), dryRun);
        });
    }

    private ObjectNode current(ResourceRequest request) {
        return state.store.get(request.groupResource(), request.key(request.name()));
    }

    private static ObjectNode prepare(ResourceRequest request, ObjectNode current, ObjectNode patched) {
        patched.put("kind", request.type().kind()).put("apiVersion", request.type().apiVersion(request.version()));
        return "status".equals(request.subresource())
                ? ObjectRules.prepareForStatusUpdate(current, patched)
                : ObjectRules.prepareForUpdate(request.type(), current, patched);
    }

    private static void checkPrecondition(ResourceRequest request, ObjectNode current, ObjectNode patched) {
        String rv = Json.resourceVersion(patched);
        if (rv != null && !rv.isEmpty() && !rv.equals(Json.resourceVersion(current))) {
            throw ApiError.staleResourceVersion(request.type(), request.name());
        }
    }

    private static JsonNode parse(String body, ObjectMapper mapper) {
        if (body == null || body.isBlank()) {
            throw ApiError.badRequest("the patch body is empty");
        }
        try {
            return mapper.readTree(body);
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("the patch body cannot be parsed: " + e.getMessage());
        }
    }

    private static ObjectNode guarded(java.util.function.Supplier<ObjectNode> work) {
        return work.get();
    }

}
