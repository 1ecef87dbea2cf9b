package io.kreactor.core.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The query parameters create, update and patch share, rendered and checked in one place so the three
 * options types cannot drift apart.
 */
final class WriteParameters {

    /** The only dry-run value Kubernetes defines: run every stage except persisting. */
    static final String DRY_RUN_ALL = "All";

    /** {@code apimachinery}'s {@code ValidateFieldManager} limit, in bytes. */
    private static final int MAX_FIELD_MANAGER_BYTES = 128;

    private WriteParameters() {
    }

    /**
     * Rejects a field manager the API server would reject (longer than 128 bytes, or holding a control
     * character), naming the value, so the mistake shows at build time instead of as a 422.
     */
    static void checkFieldManager(String fieldManager) {
        if (fieldManager == null) {
            return;
        }
        if (fieldManager.getBytes(StandardCharsets.UTF_8).length > MAX_FIELD_MANAGER_BYTES) {
            throw new IllegalArgumentException("fieldManager '" + fieldManager + "' is too long: may not be more than "
                    + MAX_FIELD_MANAGER_BYTES + " bytes");
        }
        if (fieldManager.codePoints().anyMatch(c -> Character.isISOControl(c) || !Character.isDefined(c))) {
            throw new IllegalArgumentException("fieldManager '" + fieldManager.replaceAll("\\p{Cntrl}", "?")
                    + "' must consist of printable characters only");
        }
    }

    static void put(Map<String, String> q, Boolean dryRun, String fieldManager, FieldValidation fieldValidation) {
        ListOptions.putIfSet(q, "dryRun", Boolean.TRUE.equals(dryRun) ? DRY_RUN_ALL : null);
        ListOptions.putIfSet(q, "fieldManager", fieldManager);
        ListOptions.putIfSet(q, "fieldValidation", fieldValidation == null ? null : fieldValidation.value());
    }
}
