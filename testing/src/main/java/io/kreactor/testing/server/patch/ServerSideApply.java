package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Server-side apply and field ownership ({@code metadata.managedFields}) for the embedded API server, after
 * {@code sigs.k8s.io/structured-merge-diff}: each entry records, in the FieldsV1 encoding, the fields one
 * manager owns. Apply merges a manager's configuration into the live object, drops fields the manager applied
 * before but no longer specifies (unless someone else owns them too), and refuses to change fields other
 * managers own unless forced. Every other write ({@link #recordUpdate}) hands the fields it changed to its
 * manager. The list merge keys come from {@link BuiltinSchemas} for the object's kind; lists of custom
 * resources are atomic.
 *
 * <p>Server-owned fields — {@code apiVersion}, {@code kind}, {@code metadata.name}, {@code namespace},
 * {@code uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp},
 * {@code managedFields} — are never owned by anyone.
 */
public final class ServerSideApply {

    /** The manager the API server charges with the fields of an object that had no managed fields before its first apply. */
    public static final String BEFORE_FIRST_APPLY = "before-first-apply";

    private ServerSideApply() {
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
    public static ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String timestamp) {
        return apply(live, applied, fieldManager, force, timestamp, "");
    }

    /**
     * Applies through a subresource ({@code status}): like {@link #apply(ObjectNode, ObjectNode, String, boolean, String)},
     * with the entry tagged by the subresource.
     */
    public static ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String timestamp,
                                   String subresource) {
        return apply(live, applied, fieldManager, force, timestamp, subresource, Set.of());
    }

    /**
     * Applies with reset fields: top-level fields of the applied configuration that this endpoint does not
     * write, as the API server's reset-fields strategies declare them — {@code status} when applying to the
     * main resource of a kind with a status subresource, {@code spec} (and everything but {@code status})
     * when applying to {@code /status}. They are dropped from the configuration before it is merged, so the
     * applier neither changes nor owns them.
     *
     * @param resetFields top-level field names to ignore in {@code applied}
     */
    public static ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String timestamp,
                                   String subresource, Set<String> resetFields) {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(resetFields, "resetFields");
        if (!resetFields.isEmpty()) {
            applied = applied.deepCopy();
            applied.remove(resetFields);
        }
        Objects.requireNonNull(fieldManager, "fieldManager");
        Objects.requireNonNull(timestamp, "timestamp");
        JsonNode appliedManaged = applied.path("metadata").get("managedFields");
        if (appliedManaged != null && !appliedManaged.isNull()) {
            throw new MalformedPatchException("metadata.managedFields must be nil in an applied configuration");
        }
        String apiVersion = applied.path("apiVersion").asText("");
        String kind = applied.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw new MalformedPatchException("an applied configuration must set apiVersion and kind");
        }
        ObjectSchema schema = schemaOf(apiVersion, kind);
        ObjectNode current = live == null ? JsonNodeFactory.instance.objectNode() : live;
        List<ManagedFieldsEntry> managers = ManagedFields.read(current);
        if (live != null && managers.isEmpty()) {
            FieldSet existing = Comparison.of(JsonNodeFactory.instance.objectNode(), live, schema).changed();
            managers.add(new ManagedFieldsEntry(BEFORE_FIRST_APPLY, ManagedFieldsEntry.UPDATE,
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
            conflicts.sort(java.util.Comparator.comparing(Conflict::owner));
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
    public static ObjectNode recordUpdate(ObjectNode before, ObjectNode after, String fieldManager, String timestamp) {
        return recordUpdate(before, after, fieldManager, timestamp, "");
    }

    /** Records a non-apply write through a subresource ({@code status}); the entry is tagged by the subresource. */
    public static ObjectNode recordUpdate(ObjectNode before, ObjectNode after, String fieldManager, String timestamp,
                                          String subresource) {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(fieldManager, "fieldManager");
        Objects.requireNonNull(timestamp, "timestamp");
        String apiVersion = after.path("apiVersion").asText("");
        String kind = after.path("kind").asText("");
        ObjectSchema schema = apiVersion.isEmpty() || kind.isEmpty()
                ? ObjectSchema.builder().build()
                : schemaOf(apiVersion, kind);
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

    /** The managed fields of an object, decoded; empty when it has none or they cannot be decoded. */
    public static List<ManagedFieldsEntry> managedFields(JsonNode object) {
        return List.copyOf(ManagedFields.read(object));
    }

    private static ObjectSchema schemaOf(String apiVersion, String kind) {
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
