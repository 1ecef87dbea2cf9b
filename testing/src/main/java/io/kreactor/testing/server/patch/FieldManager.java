package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionKind;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The field manager of one endpoint: server-side apply and ownership tracking with a fixed configuration —
 * which merge rules to use, which subresource writes go through, which top-level fields the endpoint resets.
 * Immutable; the {@code withX} methods return copies. {@link ServerSideApply}'s static methods use
 * {@link #forBuiltinKinds()}.
 *
 * <p>Apply follows {@code sigs.k8s.io/structured-merge-diff}'s {@code Updater.Apply}: merge the configuration
 * into the live object, prune what the applier stopped specifying, then compare live and merged — fields
 * another manager owns that the apply adds or changes are conflicts unless forced. A non-apply write follows
 * {@code Updater.Update}: the writer takes what it added or changed from everyone else.
 */
public final class FieldManager {

    private static final FieldManager BUILTIN = new FieldManager(null, "", Set.of());

    private final ObjectSchema schema;
    private final String subresource;
    private final Set<String> resetFields;

    private FieldManager(ObjectSchema schema, String subresource, Set<String> resetFields) {
        this.schema = schema;
        this.subresource = subresource;
        this.resetFields = resetFields;
    }

    /** A field manager that picks each object's merge rules from {@link BuiltinSchemas} by its apiVersion and kind. */
    public static FieldManager forBuiltinKinds() {
        return BUILTIN;
    }

    /**
     * A field manager with explicit merge rules, for example those of a CustomResourceDefinition's schema
     * ({@link ObjectSchema#fromOpenApiV3}).
     */
    public static FieldManager of(ObjectSchema schema) {
        return new FieldManager(Objects.requireNonNull(schema, "schema"), "", Set.of());
    }

    /** A copy whose entries are tagged with {@code subresource} ({@code status}); {@code ""} for the main resource. */
    public FieldManager withSubresource(String subresource) {
        Objects.requireNonNull(subresource, "subresource");
        return subresource.equals(this.subresource) ? this : new FieldManager(schema, subresource, resetFields);
    }

    /**
     * A copy that drops these top-level fields from applied configurations, as the API server's reset-fields
     * strategies do — {@code status} when applying to the main resource of a kind with a status subresource,
     * {@code spec} when applying to {@code /status} — so the applier neither changes nor owns them.
     */
    public FieldManager withResetFields(Set<String> resetFields) {
        Set<String> copy = Set.copyOf(Objects.requireNonNull(resetFields, "resetFields"));
        return copy.equals(this.resetFields) ? this : new FieldManager(schema, subresource, copy);
    }

    /**
     * Applies {@code applied} ({@code application/apply-patch+yaml}) for {@code fieldManager}.
     *
     * @param live         the stored object, or null when the apply creates it
     * @param applied      the applied configuration, with {@code apiVersion} and {@code kind}
     * @param fieldManager the applier's name (the {@code fieldManager} query parameter)
     * @param force        whether to take over fields other managers own (the {@code force} query parameter)
     * @param timestamp    the time to record, RFC 3339
     * @return the new object with updated {@code metadata.managedFields}; the inputs stay unchanged
     * @throws ApplyConflictException  if the apply changes fields other managers own and {@code force} is false
     * @throws MalformedPatchException if the configuration sets {@code metadata.managedFields} or lacks a kind
     * @throws PatchException          if a map-list item lacks a key field or is duplicated
     */
    public ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String timestamp) {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(fieldManager, "fieldManager");
        Objects.requireNonNull(timestamp, "timestamp");
        if (!resetFields.isEmpty()) {
            applied = applied.deepCopy();
            applied.remove(resetFields);
        }
        JsonNode appliedManaged = applied.path("metadata").get("managedFields");
        if (appliedManaged != null && !appliedManaged.isNull()) {
            throw new MalformedPatchException("metadata.managedFields must be nil in an applied configuration");
        }
        String apiVersion = applied.path("apiVersion").asText("");
        String kind = applied.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new MalformedPatchException("an applied configuration must set apiVersion and kind");
        }
        ObjectSchema schema = schemaFor(apiVersion, kind);
        ObjectNode current = live == null ? JsonNodeFactory.instance.objectNode() : live;
        List<ManagedFieldsEntry> managers = ManagedFields.read(current);
        if (live != null && managers.isEmpty()) {
            FieldSet existing = Comparison.of(JsonNodeFactory.instance.objectNode(), live, schema).changed();
            managers.add(new ManagedFieldsEntry(ServerSideApply.BEFORE_FIRST_APPLY, ManagedFieldsEntry.UPDATE,
                    live.path("apiVersion").asText(apiVersion), timestamp, subresource, existing));
        }

        ManagedFieldsEntry previous = find(managers, fieldManager, ManagedFieldsEntry.APPLY, apiVersion, subresource);
        List<ManagedFieldsEntry> others = new ArrayList<>(managers);
        others.remove(previous);
        FieldSet appliedSet = AppliedFieldSet.of(applied, schema);

        ObjectNode merged = ApplyMerge.merge(current, applied, schema);
        if (previous != null) {
            FieldSet owned = appliedSet;
            for (ManagedFieldsEntry other : others) {
                owned = owned.union(other.fields());
            }
            ApplyPrune.prune(merged, previous.fields().difference(owned), owned, schema);
        }

        Comparison comparison = Comparison.of(current, merged, schema);
        FieldSet changed = comparison.changed();
        List<Conflict> conflicts = new ArrayList<>();
        List<ManagedFieldsEntry> result = new ArrayList<>();
        for (ManagedFieldsEntry other : others) {
            FieldSet contested = other.fields().intersection(changed);
            for (String field : contested.renderedPaths()) {
                conflicts.add(new Conflict(other.manager(), other.operation(), other.apiVersion(), other.subresource(), field));
            }
            result.add(other.withFields(other.fields().difference(contested).difference(comparison.removed())));
        }
        if (!conflicts.isEmpty() && !force) {
            conflicts.sort(Comparator.comparing(Conflict::owner));
            throw new ApplyConflictException(conflicts);
        }
        boolean objectChanged = !comparison.isEmpty() || live == null;
        String time = previous == null || objectChanged ? timestamp : previous.time();
        result.add(new ManagedFieldsEntry(fieldManager, ManagedFieldsEntry.APPLY, apiVersion, time, subresource, appliedSet));
        ManagedFields.write(merged, result);
        return merged;
    }

    /**
     * Records a non-apply write (create, update, JSON/merge/strategic patch) by {@code fieldManager}: the fields
     * the write added or changed move to the manager's {@code Update} entry and out of every other entry; fields
     * it removed leave every entry. The manager's entry keeps the fields it owned before.
     *
     * @param before       the stored object, or null on create
     * @param after        the object about to be stored
     * @param fieldManager the writer's name (the {@code fieldManager} query parameter, or the server's default
     *                     derived from the user agent)
     * @param timestamp    the time to record when the manager's fields change, RFC 3339
     * @return a copy of {@code after} with updated {@code metadata.managedFields}
     */
    public ObjectNode recordUpdate(ObjectNode before, ObjectNode after, String fieldManager, String timestamp) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(fieldManager, "fieldManager");
        Objects.requireNonNull(timestamp, "timestamp");
        String apiVersion = after.path("apiVersion").asText("");
        String kind = after.path("kind").asText("");
        ObjectSchema schema = schemaFor(apiVersion, kind);
        List<ManagedFieldsEntry> managers = ManagedFields.forUpdate(before, after);
        Comparison comparison = Comparison.of(before == null ? JsonNodeFactory.instance.objectNode() : before, after, schema);
        FieldSet changed = comparison.changed();

        ManagedFieldsEntry mine = find(managers, fieldManager, ManagedFieldsEntry.UPDATE, apiVersion, subresource);
        List<ManagedFieldsEntry> result = new ArrayList<>();
        for (ManagedFieldsEntry other : managers) {
            if (other != mine) {
                result.add(other.withFields(other.fields().difference(changed).difference(comparison.removed())));
            }
        }
        FieldSet owned = mine == null ? changed : mine.fields().union(changed);
        String time = mine == null || !changed.isEmpty() ? timestamp : mine.time();
        result.add(new ManagedFieldsEntry(fieldManager, ManagedFieldsEntry.UPDATE, apiVersion, time, subresource,
                owned.difference(comparison.removed())));
        ObjectNode out = after.deepCopy();
        ManagedFields.write(out, result);
        return out;
    }

    private ObjectSchema schemaFor(String apiVersion, String kind) {
        if (schema != null) {
            return schema;
        }
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            return ObjectSchema.builder().build();
        }
        try {
            return BuiltinSchemas.forKind(GroupVersionKind.of(apiVersion, kind));
        } catch (IllegalArgumentException e) {
            throw new MalformedPatchException(e.getMessage());
        }
    }

    private static ManagedFieldsEntry find(List<ManagedFieldsEntry> managers, String manager, String operation,
                                           String apiVersion, String subresource) {
        for (ManagedFieldsEntry entry : managers) {
            if (entry.sameManager(manager, operation, apiVersion, subresource)) {
                return entry;
            }
        }
        return null;
    }
}
