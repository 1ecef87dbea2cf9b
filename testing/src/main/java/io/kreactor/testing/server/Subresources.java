package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The {@code scale} subresource: an {@code autoscaling/v1 Scale} view of a workload's replicas, read from and
 * written to the paths its {@link ResourceType.ScaleSubresource} names. Writing a Scale changes only the desired
 * replicas (and so bumps the workload's generation); its resourceVersion is the workload's, and is a
 * precondition when set.
 */
final class Subresources {

    private final ServerState state;
    private final Writes writes;
    private final PatchEngine engine;

    Subresources(ServerState state, Writes writes, PatchEngine engine) {
        this.state = state;
        this.writes = writes;
        this.engine = engine;
    }

    ObjectNode getScale(ResourceRequest request) {
        ObjectNode current = state.store.get(request.groupResource(), request.key(request.name()));
        if (current == null) {
            throw ApiError.notFound(request.type(), request.name());
        }
        return scaleOf(request.type(), current);
    }

    ObjectNode updateScale(ResourceRequest request, ObjectNode scale) {
        boolean dryRun = request.dryRun();
        return state.store.atomically(() -> {
            ObjectNode current = state.store.get(request.groupResource(), request.key(request.name()));
            if (current == null) {
                throw ApiError.notFound(request.type(), request.name());
            }
            return write(request, current, scale, dryRun);
        });
    }

    ObjectNode patchScale(ResourceRequest request, String contentType, String body) {
        boolean dryRun = request.dryRun();
        String type = contentType == null ? "" : contentType.split(";")[0].trim();
        JsonNode patch = Json.parseObjectOrArray(body);
        return state.store.atomically(() -> {
            ObjectNode current = state.store.get(request.groupResource(), request.key(request.name()));
            if (current == null) {
                throw ApiError.notFound(request.type(), request.name());
            }
            ObjectNode scale = scaleOf(request.type(), current);
            ObjectNode patched = switch (type) {
                case PatchHandler.JSON_PATCH -> engine.jsonPatch(scale, patch);
                case PatchHandler.MERGE_PATCH, PatchHandler.STRATEGIC_MERGE_PATCH -> engine.mergePatch(scale, patch);
                default -> throw ApiError.of(415, "UnsupportedMediaType", "unsupported patch type for scale: "
                        + contentType);
            };
            return write(request, current, patched, dryRun);
        });
    }

    private ObjectNode write(ResourceRequest request, ObjectNode current, ObjectNode scale, boolean dryRun) {
        ResourceType type = request.type();
        String rv = Json.resourceVersion(scale);
        if (rv != null && !rv.isEmpty() && !rv.equals(Json.resourceVersion(current))) {
            throw ApiError.staleResourceVersion(type, request.name());
        }
        JsonNode replicas = scale.path("spec").get("replicas");
        if (replicas == null || !replicas.canConvertToInt() || replicas.asInt() < 0) {
            throw ApiError.of(422, "Invalid", "Scale.autoscaling \"" + request.name()
                    + "\" is invalid: spec.replicas: Invalid value: must be a non-negative integer");
        }
        ObjectNode updated = current.deepCopy();
        Json.set(updated, type.scale().specReplicasPath(), IntNode.valueOf(replicas.asInt()));
        ObjectRules.bumpGenerationIfSpecChanged(type, current, updated);
        ObjectNode stored = writes.commitUpdate(request, current, updated, dryRun);
        return scaleOf(type, stored);
    }

    static ObjectNode scaleOf(ResourceType type, ObjectNode object) {
        ResourceType.ScaleSubresource paths = type.scale();
        ObjectNode scale = Json.MAPPER.createObjectNode();
        scale.put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        JsonNode source = object.path("metadata");
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (source.has(field)) {
                meta.set(field, source.get(field));
            }
        }
        JsonNode desired = Json.at(object, paths.specReplicasPath());
        scale.putObject("spec").put("replicas", desired == null ? 0 : desired.asInt());
        ObjectNode status = scale.putObject("status");
        JsonNode observed = Json.at(object, paths.statusReplicasPath());
        status.put("replicas", observed == null ? 0 : observed.asInt());
        JsonNode selector = paths.labelSelectorPath() == null ? null : Json.at(object, paths.labelSelectorPath());
        String selectorText = selector != null ? selector.asText() : matchLabels(object.path("spec").path("selector"));
        if (selectorText != null && !selectorText.isEmpty()) {
            status.put("selector", selectorText);
        }
        return scale;
    }

    /** A {@code matchLabels} selector as a selector string, as the workload controllers report it. */
    private static String matchLabels(JsonNode selector) {
        JsonNode labels = selector.path("matchLabels");
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, JsonNode> e : labels.properties()) {
            out.append(out.length() == 0 ? "" : ",").append(e.getKey()).append('=').append(e.getValue().asText());
        }
        return out.toString();
    }
}
