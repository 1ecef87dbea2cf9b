package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Create and update (PUT) with the API server's semantics: body/URL consistency, {@code generateName}, system
 * metadata, optimistic concurrency on {@code metadata.resourceVersion}, status owned by the status subresource,
 * generation bumps on spec changes only, no-op updates that write nothing, finalizer-driven deletion, dry run.
 */
final class Writes {

    private final ServerState state;
    private final PatchEngine managedFields;

    Writes(ServerState state, PatchEngine managedFields) {
        this.state = state;
        this.managedFields = managedFields;
    }

    /** POST to a collection. */
    ObjectNode create(ResourceRequest request, ObjectNode body) {
        ResourceType type = request.type();
        ObjectRules.checkBody(request, body);
        boolean dryRun = request.dryRun();
        return state.store.atomically(() -> {
            Namespaces.checkWritable(state, request);
            String name = ObjectRules.nameForCreate(type, body);
            if (state.store.get(request.groupResource(), request.key(name)) != null) {
                throw ApiError.alreadyExists(type, name);
            }
            ObjectRules.prepareForCreate(type, body, state.now());
            validate(type, body);
            ObjectNode stored = managedFields.recordUpdate(request, null, body, request.fieldManager(defaultManager(request)),
                    state.now());
            if (dryRun) {
                return stored;
            }
            return state.store.put(request.groupResource(), request.key(name), stored).object();
        });
    }

    /** PUT of an object (subresource null) or of its status ({@code status}). */
    ObjectNode update(ResourceRequest request, ObjectNode body) {
        ResourceType type = request.type();
        ObjectRules.checkBody(request, body);
        boolean dryRun = request.dryRun();
        return state.store.atomically(() -> {
            ObjectNode current = state.store.get(request.groupResource(), request.key(request.name()));
            if (current == null) {
                throw ApiError.notFound(type, request.name());
            }
            String expected = Json.resourceVersion(body);
            if (expected != null && !expected.isEmpty() && !expected.equals(Json.resourceVersion(current))) {
                throw ApiError.staleResourceVersion(type, request.name());
            }
            ObjectNode updated = "status".equals(request.subresource())
                    ? ObjectRules.prepareForStatusUpdate(current, body)
                    : ObjectRules.prepareForUpdate(type, current, body);
            return commitUpdate(request, current, updated, dryRun);
        });
    }

    /**
     * Stores {@code updated} as the new state of {@code current} (caller holds the store's monitor): skips no-op
     * writes, deletes an object whose last finalizer went away while it was being deleted.
     */
    ObjectNode commitUpdate(ResourceRequest request, ObjectNode current, ObjectNode updated, boolean dryRun) {
        validate(request.type(), updated);
        ObjectNode withFields = managedFields.recordUpdate(request, current, updated,
                request.fieldManager(defaultManager(request)), state.now());
        return commitPrepared(request, current, withFields, dryRun);
    }

    /** Like {@link #commitUpdate} for an object whose managed fields the caller already maintained (apply). */
    ObjectNode commitPrepared(ResourceRequest request, ObjectNode current, ObjectNode updated, boolean dryRun) {
        if (ObjectRules.unchanged(current, updated)) {
            return current;
        }
        if (dryRun) {
            return updated;
        }
        String key = request.key(Json.name(current));
        if (updated.path("metadata").has("deletionTimestamp") && !Json.hasFinalizers(updated)) {
            return state.store.remove(request.groupResource(), key, updated).object();
        }
        return state.store.put(request.groupResource(), key, updated).object();
    }

    private void validate(ResourceType type, ObjectNode object) {
        if (Controllers.CRDS.equals(ResourceRegistry.key(type.group(), type.plural()))) {
            CrdTypes.toResourceType(type, object);
        }
    }

    /** kubectl and client-go name the field manager after the client; without one the server uses the user agent. */
    static String defaultManager(ResourceRequest request) {
        String agent = request.headers().get("User-Agent");
        if (agent == null || agent.isEmpty()) {
            return "unknown";
        }
        int slash = agent.indexOf('/');
        return slash > 0 ? agent.substring(0, slash) : agent;
    }
}
