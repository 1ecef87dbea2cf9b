package io.kreactor.testing.server.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A server-side apply would change fields other managers own, and was not forced. The API server answers
 * {@code 409 Conflict} with reason {@code Conflict}, one {@code FieldManagerConflict} cause per field (the
 * cause's {@code field} is the path, its {@code message} names the owner) and a message such as
 * {@code Apply failed with 1 conflict: conflict with "kubectl": .spec.replicas}.
 */
public class ApplyConflictException extends RuntimeException {

    private final transient List<Conflict> conflicts;

    /** Creates the exception for a non-empty list of conflicts. */
    public ApplyConflictException(List<Conflict> conflicts) {
        super(message(conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    /** The conflicting fields with their owners, grouped by owner. */
    public List<Conflict> conflicts() {
        return conflicts;
    }

    /** The HTTP status code the API server answers with: 409. */
    public int statusCode() {
        return 409;
    }

    private static String message(List<Conflict> conflicts) {
        if (conflicts.isEmpty()) {
            throw new IllegalArgumentException("an apply conflict needs at least one conflicting field");
        }
        if (conflicts.size() == 1) {
            Conflict only = conflicts.get(0);
            return "Apply failed with 1 conflict: " + only.message() + ": " + only.field();
        }
        Map<String, List<String>> byOwner = new TreeMap<>();
        for (Conflict conflict : conflicts) {
            byOwner.computeIfAbsent(conflict.owner(), owner -> new ArrayList<>()).add(conflict.field());
        }
        List<String> lines = new ArrayList<>();
        byOwner.forEach((owner, fields) -> {
            lines.add("conflicts with " + owner + ":");
            fields.forEach(field -> lines.add("- " + field));
        });
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
}
