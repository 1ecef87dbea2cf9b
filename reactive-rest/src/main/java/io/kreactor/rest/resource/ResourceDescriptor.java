package io.kreactor.rest.resource;

import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import java.util.List;
import java.util.Objects;

/**
 * Everything a client needs to know about one resource to address it, the counterpart of an entry of the
 * API server's discovery document ({@code metav1.APIResource}): its {@link GroupVersionResource}, its kind,
 * whether it lives in namespaces, and the optional names kubectl uses. One descriptor describes a kind for
 * every layer: the typed ClientSet, the DynamicClient and the informers all build on it.
 *
 * @param gvr        the group, version and plural resource name; the URL of the collection
 * @param kind       the kind ({@code Pod}), or null when only the resource is known (the DynamicClient given a
 *                   bare GroupVersionResource)
 * @param scope      whether objects live in a namespace; {@link Scope#UNKNOWN} when the caller did not say, in
 *                   which case the client accepts a namespace or none, as client-go's dynamic client does
 * @param singular   the singular name ({@code pod}), or null
 * @param shortNames kubectl's short names ({@code po}), never null
 * @param listKind   the kind of the list object ({@code PodList}), or null
 */
public record ResourceDescriptor(GroupVersionResource gvr, String kind, Scope scope, String singular,
                                 List<String> shortNames, String listKind) {

    /** Where the objects of a resource live. */
    public enum Scope {
        /** Every object belongs to a namespace: {@code /api/v1/namespaces/{ns}/pods/{name}}. */
        NAMESPACED,
        /** Objects belong to no namespace: {@code /api/v1/nodes/{name}}. */
        CLUSTER,
        /** Not known to the client: a namespace is used when one is given, the server decides. */
        UNKNOWN
    }

    /** Validates that gvr and scope are present and copies the short names. */
    public ResourceDescriptor {
        Objects.requireNonNull(gvr, "gvr");
        Objects.requireNonNull(scope, "scope");
        if (kind != null && kind.isEmpty()) {
            kind = null;
        }
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
    }

    /**
     * A descriptor with the usual defaults: singular is the lower-case kind, list kind is {@code kind + "List"},
     * no short names.
     *
     * @param namespaced true for namespaced kinds, false for cluster-scoped ones
     */
    public static ResourceDescriptor of(GroupVersionResource gvr, String kind, boolean namespaced) {
        Objects.requireNonNull(kind, "kind");
        return new ResourceDescriptor(gvr, kind, namespaced ? Scope.NAMESPACED : Scope.CLUSTER,
                kind.toLowerCase(java.util.Locale.ROOT), List.of(), kind + "List");
    }

    /** A namespaced kind: {@code namespaced("apps", "v1", "deployments", "Deployment")}. */
    public static ResourceDescriptor namespaced(String group, String version, String plural, String kind) {
        return of(new GroupVersionResource(group, version, plural), kind, true);
    }

    /** A cluster-scoped kind: {@code clusterScoped("", "v1", "nodes", "Node")}. */
    public static ResourceDescriptor clusterScoped(String group, String version, String plural, String kind) {
        return of(new GroupVersionResource(group, version, plural), kind, false);
    }

    /**
     * A descriptor that knows only the resource's address, as client-go's dynamic client works from a bare
     * GroupVersionResource: no kind and {@link Scope#UNKNOWN} scope.
     */
    public static ResourceDescriptor forResource(GroupVersionResource gvr) {
        return new ResourceDescriptor(gvr, null, Scope.UNKNOWN, null, List.of(), null);
    }

    /** True when objects of this kind live in a namespace (false for cluster-scoped and unknown scope). */
    public boolean namespaced() {
        return scope == Scope.NAMESPACED;
    }

    /** The group version, {@code apps/v1}. */
    public GroupVersion groupVersion() {
        return gvr.groupVersion();
    }

    /** The group-version-kind, or null when the kind is unknown. */
    public GroupVersionKind groupVersionKind() {
        return kind == null ? null : new GroupVersionKind(gvr.group(), gvr.version(), kind);
    }

    /** A copy with {@code singular} and {@code shortNames}. */
    public ResourceDescriptor withNames(String singular, List<String> shortNames) {
        return new ResourceDescriptor(gvr, kind, scope, singular, shortNames, listKind);
    }

    /** A copy with {@code scope}. */
    public ResourceDescriptor withScope(Scope scope) {
        return new ResourceDescriptor(gvr, kind, scope, singular, shortNames, listKind);
    }

    /** {@code apps/v1, Resource=deployments (Deployment, namespaced)}. */
    @Override
    public String toString() {
        return gvr + " (" + (kind == null ? "kind unknown" : kind) + ", " + scope.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
