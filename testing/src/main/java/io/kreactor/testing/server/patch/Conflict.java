package io.kreactor.testing.server.patch;

import java.util.Objects;

/**
 * One field an apply would change although another manager owns it.
 *
 * @param manager     the field manager that owns the field
 * @param operation   how it came to own it, {@code Apply} or {@code Update}
 * @param apiVersion  the API version of the owner's entry
 * @param subresource the subresource of the owner's entry, or {@code ""}
 * @param field       the field path as the API server renders it, {@code .spec.replicas}
 */
public record Conflict(String manager, String operation, String apiVersion, String subresource, String field) {

    /** Validates that no part is null. */
    public Conflict {
        Objects.requireNonNull(manager, "manager");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(subresource, "subresource");
        Objects.requireNonNull(field, "field");
    }

    /**
     * The owner as the API server prints it: {@code "kubectl"} for an applier, {@code "ctl" using apps/v1} for
     * an updater, with {@code with subresource "status"} when the entry came through a subresource.
     */
    public String owner() {
        return new ManagedFieldsEntry(manager, operation, apiVersion, null, subresource, FieldSet.empty()).describe();
    }

    /** The {@code message} of the Status cause ({@code type: FieldManagerConflict}): {@code conflict with "kubectl"}. */
    public String message() {
        return "conflict with " + owner();
    }
}
