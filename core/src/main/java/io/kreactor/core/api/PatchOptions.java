package io.kreactor.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters of a PATCH ({@code metav1.PatchOptions}). Immutable: every {@code withX} returns a copy.
 *
 * <p>Server-side apply ({@link PatchType#APPLY}) requires a {@code fieldManager}; {@link #forApply(String)}
 * builds such options, and {@link #checkCompatibleWith(PatchType)} reports the combinations the server
 * would refuse before the request is sent.
 *
 * @param dryRun          {@code dryRun=All} when true: the patch is admitted, validated and answered but not
 *                        persisted; null or false sends nothing
 * @param fieldManager    {@code fieldManager}: the manager recorded in {@code managedFields} for the fields this
 *                        patch sets; required for apply patches, optional for the others (at most 128 bytes)
 * @param force           {@code force}: only valid for apply patches (the server answers 400 otherwise); true
 *                        takes ownership of fields another manager owns instead of failing with a 409 Conflict
 * @param fieldValidation {@code fieldValidation}: how unknown or duplicate fields in the patch are treated, or
 *                        null for the server default ({@link FieldValidation#WARN})
 */
public record PatchOptions(Boolean dryRun, String fieldManager, Boolean force, FieldValidation fieldValidation)
        implements QueryOptions {

    /** No parameters at all (enough for JSON, merge and strategic-merge patches). */
    public static final PatchOptions DEFAULT = new PatchOptions(null, null, null, null);

    /** Rejects a field manager the server would reject (too long, not printable). */
    public PatchOptions {
        WriteParameters.checkFieldManager(fieldManager);
    }

    /**
     * Options for a server-side apply by {@code fieldManager}, without {@code force}.
     *
     * @throws IllegalArgumentException when {@code fieldManager} is null or empty
     */
    public static PatchOptions forApply(String fieldManager) {
        if (fieldManager == null || fieldManager.isEmpty()) {
            throw new IllegalArgumentException("server-side apply requires a non-empty fieldManager");
        }
        return new PatchOptions(null, fieldManager, null, null);
    }

    /** A copy that asks for (or no longer asks for) a dry run, {@code dryRun=All}. */
    public PatchOptions withDryRun(boolean dryRun) {
        return new PatchOptions(dryRun, fieldManager, force, fieldValidation);
    }

    /** A copy with {@code fieldManager} (null removes it). */
    public PatchOptions withFieldManager(String fieldManager) {
        return new PatchOptions(dryRun, fieldManager, force, fieldValidation);
    }

    /** A copy with {@code force}; meaningful for {@link PatchType#APPLY} only. */
    public PatchOptions withForce(boolean force) {
        return new PatchOptions(dryRun, fieldManager, force, fieldValidation);
    }

    /** A copy with {@code fieldValidation} (null removes it). */
    public PatchOptions withFieldValidation(FieldValidation fieldValidation) {
        return new PatchOptions(dryRun, fieldManager, force, fieldValidation);
    }

    /**
     * Checks these options against the patch format the way the API server will: {@code force} is only
     * allowed for {@link PatchType#APPLY}, and an apply needs a {@code fieldManager}.
     *
     * @return this, for chaining
     * @throws IllegalArgumentException describing the rule that is broken
     */
    public PatchOptions checkCompatibleWith(PatchType patchType) {
        boolean apply = patchType == PatchType.APPLY;
        if (!apply && force != null) {
            throw new IllegalArgumentException("force is only allowed for apply patches (" + PatchType.APPLY.contentType()
                    + "), not for " + patchType);
        }
        if (apply && (fieldManager == null || fieldManager.isEmpty())) {
            throw new IllegalArgumentException("an apply patch requires a fieldManager");
        }
        return this;
    }

    @Override
    public Map<String, String> toQueryParameters() {
        Map<String, String> q = new LinkedHashMap<>();
        ListOptions.putIfSet(q, "dryRun", Boolean.TRUE.equals(dryRun) ? WriteParameters.DRY_RUN_ALL : null);
        ListOptions.putIfSet(q, "fieldManager", fieldManager);
        ListOptions.putIfSet(q, "force", force);
        ListOptions.putIfSet(q, "fieldValidation", fieldValidation == null ? null : fieldValidation.value());
        return q;
    }
}
