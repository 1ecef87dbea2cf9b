package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * An API group and version, as in {@code apps/v1}; the legacy core group is the empty string
 * and renders as just {@code v1}, the way {@code apiVersion} fields spell it.
 *
 * @param group   the API group, {@code ""} for the core group
 * @param version the version within the group, never empty
 */
public record GroupVersion(String group, String version) {

    /** The core ("legacy") group's only version, {@code v1}. */
    public static final GroupVersion CORE_V1 = new GroupVersion("", "v1");

    /** Validates both parts; {@code group} may be empty, {@code version} may not. */
    public GroupVersion {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        if (version.isEmpty()) {
            throw new IllegalArgumentException("version must not be empty (group '" + group + "')");
        }
    }

    /**
     * Parses an {@code apiVersion} string: {@code v1} is the core group, {@code apps/v1} names a group.
     *
     * @throws IllegalArgumentException naming the value when it has more than one slash or an empty part
     */
    public static GroupVersion parse(String apiVersion) {
        Objects.requireNonNull(apiVersion, "apiVersion");
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return new GroupVersion("", apiVersion);
        }
        if (slash == 0 || slash == apiVersion.length() - 1 || apiVersion.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("malformed apiVersion '" + apiVersion + "': expected 'version' or 'group/version'");
        }
        return new GroupVersion(apiVersion.substring(0, slash), apiVersion.substring(slash + 1));
    }

    /** True for the legacy core group, whose URLs start with {@code /api} instead of {@code /apis}. */
    @JsonIgnore
    public boolean isCore() {
        return group.isEmpty();
    }

    /** The {@code apiVersion} form: {@code v1} or {@code group/version}. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The URL prefix this group version is served under: {@code /api/v1} or {@code /apis/group/version}. */
    public String pathPrefix() {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    /** Returns the kind {@code kind} within this group version. */
    public GroupVersionKind withKind(String kind) {
        return new GroupVersionKind(group, version, kind);
    }

    /** Returns the resource {@code resource} (plural, lower case) within this group version. */
    public GroupVersionResource withResource(String resource) {
        return new GroupVersionResource(group, version, resource);
    }

    /** The {@code apiVersion} form. */
    @Override
    public String toString() {
        return apiVersion();
    }
}
