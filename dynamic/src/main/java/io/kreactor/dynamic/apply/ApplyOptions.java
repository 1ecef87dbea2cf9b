package io.kreactor.dynamic.apply;

import java.util.Objects;

/**
 * How a {@link ManifestApplier} applies: the field manager recorded in {@code managedFields}, whether conflicts
 * with other managers are forced ({@code --force-conflicts}), and the namespace for namespaced objects that name
 * none. Immutable; {@code withX} returns a copy.
 *
 * @param fieldManager     the server-side apply field manager; kubectl uses {@code kubectl}
 * @param force            take over fields owned by other managers instead of failing with a 409 conflict
 * @param defaultNamespace the namespace of namespaced objects without {@code metadata.namespace}
 */
public record ApplyOptions(String fieldManager, boolean force, String defaultNamespace) {

    /** Field manager {@code kreactor}, no force, namespace {@code default}. */
    public static final ApplyOptions DEFAULT = new ApplyOptions("kreactor", false, "default");

    /** Validates that the field manager and namespace are not empty. */
    public ApplyOptions {
        Objects.requireNonNull(fieldManager, "fieldManager");
        Objects.requireNonNull(defaultNamespace, "defaultNamespace");
        if (fieldManager.isEmpty()) {
            throw new IllegalArgumentException("fieldManager must not be empty");
        }
        if (defaultNamespace.isEmpty()) {
            throw new IllegalArgumentException("defaultNamespace must not be empty");
        }
    }

    /** A copy with {@code fieldManager}. */
    public ApplyOptions withFieldManager(String fieldManager) {
        return new ApplyOptions(fieldManager, force, defaultNamespace);
    }

    /** A copy with {@code force}. */
    public ApplyOptions withForce(boolean force) {
        return new ApplyOptions(fieldManager, force, defaultNamespace);
    }

    /** A copy with {@code defaultNamespace}. */
    public ApplyOptions withDefaultNamespace(String defaultNamespace) {
        return new ApplyOptions(fieldManager, force, defaultNamespace);
    }
}
