package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.Objects;

/**
 * One entry of {@code metadata.managedFields}: the fields one manager owns through one kind of operation.
 * A manager that both applies and updates has two entries; Update entries are further told apart by
 * {@code apiVersion} and all entries by {@code subresource}, as the API server's manager identifier does.
 *
 * @param manager     the field manager name ({@code kubectl}, {@code kube-controller-manager})
 * @param operation   {@link #APPLY} or {@link #UPDATE}
 * @param apiVersion  the API version the fields are expressed in
 * @param time        when the entry last changed (RFC 3339), may be null
 * @param subresource the subresource written through ({@code status}), or {@code ""}
 * @param fields      the owned fields
 */
public record ManagedFieldsEntry(String manager, String operation, String apiVersion, String time, String subresource,
                                 FieldSet fields) {

    /** The operation of a server-side apply. */
    public static final String APPLY = "Apply";
    /** The operation of a create, update or non-apply patch. */
    public static final String UPDATE = "Update";

    /**
     * The API server's order: Apply before Update, then by time, manager, apiVersion and subresource.
     */
    static final Comparator<ManagedFieldsEntry> ORDER = Comparator.comparing(ManagedFieldsEntry::operation)
            .thenComparing(e -> e.time == null ? "" : e.time)
            .thenComparing(ManagedFieldsEntry::manager)
            .thenComparing(ManagedFieldsEntry::apiVersion)
            .thenComparing(ManagedFieldsEntry::subresource);

    /** Validates the required parts; a missing subresource becomes {@code ""}. */
    public ManagedFieldsEntry {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(operation, "operation");
        apiVersion = apiVersion == null ? "" : apiVersion;
        subresource = subresource == null ? "" : subresource;
        Objects.requireNonNull(fields, "fields");
    }

    /** Whether this entry belongs to the same manager identity (the API server's manager identifier). */
    boolean sameManager(String otherManager, String otherOperation, String otherApiVersion, String otherSubresource) {
        return manager.equals(otherManager) && operation.equals(otherOperation)
                && subresource.equals(otherSubresource == null ? "" : otherSubresource)
                && (operation.equals(APPLY) || apiVersion.equals(otherApiVersion == null ? "" : otherApiVersion));
    }

    ManagedFieldsEntry withFields(FieldSet newFields) {
        return new ManagedFieldsEntry(manager, operation, apiVersion, time, subresource, newFields);
    }

    ManagedFieldsEntry withTime(String newTime) {
        return new ManagedFieldsEntry(manager, operation, apiVersion, newTime, subresource, fields);
    }

    /** The manager as the API server names it in conflict messages: {@code "kubectl"}, {@code "ctl" using apps/v1}. */
    String describe() {
        StringBuilder out = new StringBuilder().append('"').append(manager).append('"');
        if (!subresource.isEmpty()) {
            out.append(" with subresource \"").append(subresource).append('"');
        }
        if (operation.equals(UPDATE)) {
            out.append(" using ").append(apiVersion);
        }
        return out.toString();
    }

    /** The JSON of the entry, in the field order of the Go type. */
    ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("manager", manager);
        out.put("operation", operation);
        out.put("apiVersion", apiVersion);
        if (time != null) {
            out.put("time", time);
        }
        out.put("fieldsType", "FieldsV1");
        out.set("fieldsV1", fields.toFieldsV1());
        if (!subresource.isEmpty()) {
            out.put("subresource", subresource);
        }
        return out;
    }

    /**
     * Decodes one entry.
     *
     * @throws IllegalArgumentException when the entry is not a well-formed FieldsV1 entry
     */
    static ManagedFieldsEntry fromJson(JsonNode entry) {
        if (!entry.isObject()) {
            throw new IllegalArgumentException("a managedFields entry must be an object");
        }
        String operation = text(entry, "operation");
        if (!APPLY.equals(operation) && !UPDATE.equals(operation)) {
            throw new IllegalArgumentException("managedFields operation must be Apply or Update, got '" + operation + "'");
        }
        String fieldsType = text(entry, "fieldsType");
        if (fieldsType != null && !fieldsType.equals("FieldsV1")) {
            throw new IllegalArgumentException("managedFields fieldsType must be FieldsV1, got '" + fieldsType + "'");
        }
        String manager = text(entry, "manager");
        return new ManagedFieldsEntry(manager == null ? "" : manager, operation, text(entry, "apiVersion"),
                text(entry, "time"), text(entry, "subresource"), FieldSet.fromFieldsV1(entry.get("fieldsV1")));
    }

    private static String text(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
