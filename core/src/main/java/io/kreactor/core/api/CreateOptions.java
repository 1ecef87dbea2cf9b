package io.kreactor.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters of a CREATE (POST of a new object) ({@code metav1.CreateOptions}). Immutable: every {@code withX} returns a copy.
 * {@link #DEFAULT} sets nothing, so the server applies its defaults (persist, field manager derived from the
 * user agent, {@code fieldValidation=Warn}).
 *
 * @param dryRun          {@code dryRun=All} when true: the server runs admission and validation and answers
 *                        as if it had written, but persists nothing; null or false sends nothing
 * @param fieldManager    {@code fieldManager}: the name recorded in {@code managedFields} as the owner of the
 *                        fields this request sets (at most 128 bytes, printable characters), or null
 * @param fieldValidation {@code fieldValidation}: how unknown or duplicate fields in the body are treated, or
 *                        null for the server default ({@link FieldValidation#WARN})
 */
public record CreateOptions(Boolean dryRun, String fieldManager, FieldValidation fieldValidation) implements QueryOptions {

    /** No parameters at all. */
    public static final CreateOptions DEFAULT = new CreateOptions(null, null, null);

    /** Rejects a field manager the server would reject (too long, not printable). */
    public CreateOptions {
        WriteParameters.checkFieldManager(fieldManager);
    }

    /** A copy that asks for (or no longer asks for) a dry run, {@code dryRun=All}. */
    public CreateOptions withDryRun(boolean dryRun) {
        return new CreateOptions(dryRun, fieldManager, fieldValidation);
    }

    /** A copy with {@code fieldManager} (null removes it). */
    public CreateOptions withFieldManager(String fieldManager) {
        return new CreateOptions(dryRun, fieldManager, fieldValidation);
    }

    /** A copy with {@code fieldValidation} (null removes it). */
    public CreateOptions withFieldValidation(FieldValidation fieldValidation) {
        return new CreateOptions(dryRun, fieldManager, fieldValidation);
    }

    @Override
    public Map<String, String> toQueryParameters() {
        Map<String, String> q = new LinkedHashMap<>();
        WriteParameters.put(q, dryRun, fieldManager, fieldValidation);
        return q;
    }
}
