package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

/**
 * Server-side apply and field ownership ({@code metadata.managedFields}) for the embedded API server, after
 * {@code sigs.k8s.io/structured-merge-diff}: each entry records, in the FieldsV1 encoding, the fields one
 * manager owns. Apply merges a manager's configuration into the live object, drops fields the manager applied
 * before but no longer specifies (unless someone else owns them too), and refuses to change fields other
 * managers own unless forced. Every other write ({@link #recordUpdate}) hands the fields it changed to its
 * manager. The list merge keys come from {@link BuiltinSchemas} for the object's kind; lists of custom
 * resources are atomic unless a {@link FieldManager} with the CRD's schema is used.
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
     * Applies {@code applied} ({@code application/apply-patch+yaml}) for {@code fieldManager} to the main
     * resource; see {@link FieldManager#apply}.
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
        return FieldManager.forBuiltinKinds().apply(live, applied, fieldManager, force, timestamp);
    }

    /** Applies through a subresource ({@code status}); the entry is tagged by the subresource. */
    public static ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String timestamp,
                                   String subresource) {
        return FieldManager.forBuiltinKinds().withSubresource(subresource).apply(live, applied, fieldManager, force, timestamp);
    }

    /**
     * Applies with reset fields (see {@link FieldManager#withResetFields}): top-level fields of the applied
     * configuration this endpoint does not write, neither changed nor owned.
     */
    public static ObjectNode apply(ObjectNode live, ObjectNode applied, String fieldManager, boolean force, String timestamp,
                                   String subresource, Set<String> resetFields) {
        return FieldManager.forBuiltinKinds().withSubresource(subresource).withResetFields(resetFields)
                .apply(live, applied, fieldManager, force, timestamp);
    }

    /**
     * Records a non-apply write (create, update, JSON/merge/strategic patch) by {@code fieldManager} on the
     * main resource; see {@link FieldManager#recordUpdate}.
     *
     * @param before       the stored object, or null on create
     * @param after        the object about to be stored
     * @param fieldManager the writer's name
     * @param timestamp    the time to record when the manager's fields change, RFC 3339
     * @return a copy of {@code after} with updated {@code metadata.managedFields}
     */
    public static ObjectNode recordUpdate(ObjectNode before, ObjectNode after, String fieldManager, String timestamp) {
        return FieldManager.forBuiltinKinds().recordUpdate(before, after, fieldManager, timestamp);
    }

    /** Records a non-apply write through a subresource ({@code status}); the entry is tagged by the subresource. */
    public static ObjectNode recordUpdate(ObjectNode before, ObjectNode after, String fieldManager, String timestamp,
                                          String subresource) {
        return FieldManager.forBuiltinKinds().withSubresource(subresource).recordUpdate(before, after, fieldManager, timestamp);
    }

    /** The managed fields of an object, decoded; empty when it has none or they cannot be decoded. */
    public static List<ManagedFieldsEntry> managedFields(JsonNode object) {
        return List.copyOf(ManagedFields.read(object));
    }
}
