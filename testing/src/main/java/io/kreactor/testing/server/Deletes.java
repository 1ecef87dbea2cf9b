package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DELETE of one object or of a collection. An object with finalizers is only marked (deletionTimestamp,
 * deletionGracePeriodSeconds) and goes when its last finalizer is removed; one without is removed at once.
 * {@code propagationPolicy} and {@code gracePeriodSeconds} are accepted and validated; there is no garbage
 * collector or kubelet here, so dependents stay and pods go without a grace period.
 */
final class Deletes {

    private final ServerState state;

    Deletes(ServerState state) {
        this.state = state;
    }

    ObjectNode delete(ResourceRequest request, ObjectNode options) {
        ResourceType type = request.type();
        checkOptions(request, options);
        boolean dryRun = request.dryRun();
        return state.store.atomically(() -> {
            String key = request.key(request.name());
            ObjectNode current = state.store.get(request.groupResource(), key);
            if (current == null) {
                throw ApiError.notFound(type, request.name());
            }
            checkPreconditions(type, current, options);
            return deleteOne(request.groupResource(), key, current, gracePeriod(request, options), dryRun,
                    type.plural().equals("namespaces") && type.group().isEmpty());
        });
    }

    /** DELETE on a collection: every object the selectors choose, each as by {@link #delete}. */
    ObjectNode deleteCollection(ResourceRequest request, ObjectNode options) {
        ResourceType type = request.type();
        checkOptions(request, options);
        boolean dryRun = request.dryRun();
        LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
        FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"), type);
        return state.store.atomically(() -> {
            List<JsonNode> deleted = new ArrayList<>();
            for (Map.Entry<String, ObjectNode> e : state.store.current(request.groupResource()).entrySet()) {
                ObjectNode object = e.getValue();
                if (request.namespace() != null && !request.namespace().equals(Json.namespace(object))) {
                    continue;
                }
                if (labels.test(object) && fields.test(object)) {
                    deleted.add(deleteOne(request.groupResource(), e.getKey(), object, gracePeriod(request, options),
                            dryRun, false));
                }
            }
            return Lists.list(type, request.version(), Long.toString(state.store.revision()), null, null, deleted);
        });
    }

    private ObjectNode deleteOne(String groupResource, String key, ObjectNode current, Long grace, boolean dryRun,
                                 boolean namespace) {
        if (namespace || Json.hasFinalizers(current)) {
            if (current.path("metadata").has("deletionTimestamp")) {
                return current;
            }
            ObjectNode marked = current.deepCopy();
            Json.meta(marked).put("deletionTimestamp", state.now()).put("deletionGracePeriodSeconds",
                    grace == null ? 0 : grace);
            if (namespace) {
                marked.withObjectProperty("status").put("phase", "Terminating");
            }
            return dryRun ? marked : state.store.put(groupResource, key, marked).object();
        }
        return dryRun ? current : state.store.remove(groupResource, key).object();
    }

    private static void checkOptions(ResourceRequest request, ObjectNode options) {
        String policy = request.param("propagationPolicy");
        if (policy == null && options != null) {
            policy = Json.text(options, "propagationPolicy");
        }
        if (policy != null && !List.of("Orphan", "Background", "Foreground").contains(policy)) {
            throw ApiError.badRequest("propagationPolicy: Unsupported value: \"" + policy
                    + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
        }
        if (options != null) {
            request.dryRun();
            JsonNode dryRun = options.get("dryRun");
            if (dryRun != null && dryRun.isArray()) {
                for (JsonNode v : dryRun) {
                    if (!v.asText().equals("All")) {
                        throw ApiError.badRequest("dryRun: Unsupported value: \"" + v.asText() + "\"");
                    }
                }
            }
        }
    }

    private static Long gracePeriod(ResourceRequest request, ObjectNode options) {
        String param = request.param("gracePeriodSeconds");
        Long grace = null;
        if (param != null) {
            try {
                grace = Long.parseLong(param);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("gracePeriodSeconds: invalid value \"" + param + "\": not an integer");
            }
        } else if (options != null && options.hasNonNull("gracePeriodSeconds")) {
            grace = options.get("gracePeriodSeconds").asLong();
        }
        if (grace != null && grace < 0) {
            throw ApiError.badRequest("gracePeriodSeconds must be non-negative, got " + grace);
        }
        return grace;
    }

    private static void checkPreconditions(ResourceType type, ObjectNode current, ObjectNode options) {
        if (options == null) {
            return;
        }
        JsonNode pre = options.path("preconditions");
        String uid = Json.text(pre, "uid");
        String actualUid = Json.text(current.path("metadata"), "uid");
        if (uid != null && !uid.equals(actualUid)) {
            throw ApiError.conflict(type, Json.name(current), "Precondition failed: UID in precondition: " + uid
                    + ", UID in object meta: " + actualUid);
        }
        String rv = Json.text(pre, "resourceVersion");
        if (rv != null && !rv.equals(Json.resourceVersion(current))) {
            throw ApiError.conflict(type, Json.name(current), "Precondition failed: ResourceVersion in precondition: "
                    + rv + ", ResourceVersion in object meta: " + Json.resourceVersion(current));
        }
    }
}
