package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.testing.server.patch.ApplyConflictException;
import io.kreactor.testing.server.patch.Conflict;
import io.kreactor.testing.server.patch.FieldManager;
import io.kreactor.testing.server.patch.ObjectSchema;
import io.kreactor.testing.server.patch.PatchException;
import io.kreactor.testing.server.patch.Patches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link PatchEngine} backed by the {@code patch} package. Merge rules come from the built-in table, or from a
 * CRD's structural schema ({@code x-kubernetes-list-type}, map keys) for its custom resources. Field managers
 * follow the API server's reset-field strategies: writes to {@code /status} own only status, main-resource writes
 * of kinds with a status subresource never own status.
 */
final class DefaultPatchEngine implements PatchEngine {

    private static final FieldManager BUILTIN = FieldManager.forBuiltinKinds();

    private final ResourceRegistry registry;
    /** Field managers built from CRD schemas, keyed by the schema tree so a changed CRD gets a new one. */
    private final Map<JsonNode, FieldManager> crdManagers = new ConcurrentHashMap<>();

    DefaultPatchEngine(ResourceRegistry registry) {
        this.registry = registry;
    }

    @Override
    public ObjectNode jsonPatch(ObjectNode target, JsonNode patch) {
        return guarded(() -> Patches.jsonPatch(target, patch));
    }

    @Override
    public ObjectNode mergePatch(ObjectNode target, JsonNode patch) {
        return guarded(() -> Patches.mergePatch(target, patch));
    }

    @Override
    public ObjectNode strategicMergePatch(ObjectNode target, JsonNode patch, GroupVersionKind gvk) {
        return guarded(() -> Patches.strategicMergePatch(target, patch, gvk));
    }

    @Override
    public ObjectNode apply(ResourceRequest request, ObjectNode live, ObjectNode applied, String manager,
                            boolean force, String timestamp) {
        try {
            return guarded(() -> manager(request).apply(live, applied, manager, force, timestamp));
        } catch (ApplyConflictException e) {
            List<ApiError.Cause> causes = new ArrayList<>();
            for (Conflict conflict : e.conflicts()) {
                causes.add(new ApiError.Cause("FieldManagerConflict", conflict.message(), conflict.field()));
            }
            ResourceType type = request.type();
            throw new ApiError(409, "Conflict", e.getMessage(), request.name(),
                    type.group().isEmpty() ? null : type.group(), type.plural(), causes, 0);
        }
    }

    @Override
    public ObjectNode recordUpdate(ResourceRequest request, ObjectNode before, ObjectNode after, String manager,
                                   String timestamp) {
        return guarded(() -> manager(request).recordUpdate(before, after, manager, timestamp));
    }

    /** The merge rules of the kind (a CRD's own schema when it has one) with the request's reset fields. */
    private FieldManager manager(ResourceRequest request) {
        FieldManager base = registry.schema(request.groupResource())
                .map(schema -> crdManagers.computeIfAbsent(schema,
                        s -> FieldManager.of(ObjectSchema.fromOpenApiV3(s))))
                .orElse(BUILTIN);
        if ("status".equals(request.subresource())) {
            return base.withSubresource("status").withResetFields(Set.of("spec"));
        }
        return request.type().statusSubresource() ? base.withResetFields(Set.of("status")) : base;
    }

    private static ObjectNode guarded(Supplier<ObjectNode> work) {
        try {
            return work.get();
        } catch (PatchException e) {
            throw switch (e.statusCode()) {
                case 400 -> ApiError.badRequest(e.getMessage());
                case 415 -> ApiError.of(415, "UnsupportedMediaType", e.getMessage());
                default -> ApiError.of(422, "Invalid", e.getMessage());
            };
        }
    }
}
