package io.kreactor.core.api;

import java.util.Objects;

/**
 * A kind within an API group version, the identity of an object's schema ({@code apps/v1, Kind=Deployment}).
 * Map it to a {@link GroupVersionResource} with a RESTMapper to address it on the server.
 *
 * @param group   the API group, {@code ""} for the core group
 * @param version the version
 * @param kind    the CamelCase kind, for example {@code Deployment}
 */
public record GroupVersionKind(String group, String version, String kind) {

    /** Validates that no part is null and that version and kind are not empty. */
    public GroupVersionKind {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        if (version.isEmpty() || kind.isEmpty()) {
            throw new IllegalArgumentException("version and kind must not be empty: '" + group + "/" + version + ", Kind=" + kind + "'");
        }
    }

    /** Builds a kind from an object's {@code apiVersion} and {@code kind} fields. */
    public static GroupVersionKind of(String apiVersion, String kind) {
        return GroupVersion.parse(apiVersion).withKind(kind);
    }

    /** The group version part. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /** The {@code apiVersion} field value for objects of this kind. */
    public String apiVersion() {
        return groupVersion().apiVersion();
    }

    /** Renders as client-go does: {@code apps/v1, Kind=Deployment}. */
    @Override
    public String toString() {
        return apiVersion() + ", Kind=" + kind;
    }
}
