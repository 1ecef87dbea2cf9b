package io.kreactor.core.api;

import java.util.Objects;

/**
 * A resource within an API group version, the address of a collection on the server
 * ({@code apps/v1, Resource=deployments}).
 *
 * @param group    the API group, {@code ""} for the core group
 * @param version  the version
 * @param resource the plural, lower-case resource name, for example {@code deployments}
 */
public record GroupVersionResource(String group, String version, String resource) {

    /** Validates that no part is null and that version and resource are not empty. */
    public GroupVersionResource {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resource, "resource");
        if (version.isEmpty() || resource.isEmpty()) {
            throw new IllegalArgumentException("version and resource must not be empty: '" + group + "/" + version + ", Resource=" + resource + "'");
        }
    }

    /** The group version part. */
    public GroupVersion groupVersion() {
        return new GroupVersion(group, version);
    }

    /**
     * The collection path: {@code /api/v1/namespaces/{ns}/pods} for a namespace,
     * {@code /apis/apps/v1/deployments} across all namespaces or for a cluster-scoped resource.
     *
     * @param namespace the namespace, or {@code null} for all namespaces / cluster scope
     */
    public String collectionPath(String namespace) {
        String prefix = groupVersion().pathPrefix();
        return namespace == null || namespace.isEmpty()
                ? prefix + "/" + resource
                : prefix + "/namespaces/" + namespace + "/" + resource;
    }

    /** Renders as client-go does: {@code apps/v1, Resource=deployments}. */
    @Override
    public String toString() {
        return groupVersion().apiVersion() + ", Resource=" + resource;
    }
}
