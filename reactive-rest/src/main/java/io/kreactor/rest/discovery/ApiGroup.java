package io.kreactor.rest.discovery;

import io.kreactor.core.api.GroupVersion;
import java.util.List;
import java.util.Objects;

/**
 * One API group as discovery lists it ({@code metav1.APIGroup}): its name, the versions it serves in the
 * server's order of preference, and the preferred version.
 *
 * @param name             the group name; empty for the legacy core group
 * @param versions         the served versions, most preferred first
 * @param preferredVersion the version clients should use when they do not ask for one
 */
public record ApiGroup(String name, List<String> versions, String preferredVersion) {

    /** Copies {@code versions}; {@code preferredVersion} defaults to the first version. */
    public ApiGroup {
        Objects.requireNonNull(name, "name");
        versions = List.copyOf(versions);
        if (preferredVersion == null && !versions.isEmpty()) {
            preferredVersion = versions.get(0);
        }
    }

    /** The preferred version as a {@link GroupVersion}. */
    public GroupVersion preferredGroupVersion() {
        return new GroupVersion(name, preferredVersion);
    }

    /** Every served version as a {@link GroupVersion}, most preferred first. */
    public List<GroupVersion> groupVersions() {
        return versions.stream().map(v -> new GroupVersion(name, v)).toList();
    }
}
