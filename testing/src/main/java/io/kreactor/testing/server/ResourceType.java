package io.kreactor.testing.server;

import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import java.util.List;
import java.util.Objects;

/**
 * One kind of object the {@link EmbeddedApiServer} serves: what discovery advertises for it
 * ({@code APIResource}) and the semantics the server applies to it.
 *
 * <p>The first entry of {@code versions} is the preferred (and storage) version. Objects are stored once per
 * group and resource; reading them through another served version only rewrites {@code apiVersion}, like a
 * CustomResourceDefinition with conversion strategy {@code None}.
 *
 * @param group             the API group, empty for the core group
 * @param versions          the served versions, preferred first
 * @param plural            the resource name in URLs ({@code deployments})
 * @param singular          the singular name ({@code deployment})
 * @param kind              the object kind ({@code Deployment})
 * @param shortNames        short names kubectl accepts ({@code deploy})
 * @param categories        categories such as {@code all}
 * @param namespaced        whether objects live in a namespace
 * @param verbs             the verbs discovery advertises
 * @param statusSubresource whether {@code /status} exists; main-resource writes then keep the stored status
 * @param scale             the {@code /scale} subresource's field paths, or null when there is none
 * @param selectableFields  field-selector labels besides {@code metadata.name} and {@code metadata.namespace},
 *                          as dotted paths into the object ({@code status.phase})
 */
public record ResourceType(String group, List<String> versions, String plural, String singular, String kind,
                           List<String> shortNames, List<String> categories, boolean namespaced, List<String> verbs,
                           boolean statusSubresource, ScaleSubresource scale, List<String> selectableFields) {

    /** The verbs of an ordinary read-write resource. */
    public static final List<String> ALL_VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    /** Validates and copies the lists. */
    public ResourceType {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(plural, "plural");
        Objects.requireNonNull(kind, "kind");
        if (versions == null || versions.isEmpty()) {
            throw new IllegalArgumentException("resource " + plural + " needs at least one served version");
        }
        versions = List.copyOf(versions);
        singular = singular == null || singular.isEmpty() ? kind.toLowerCase(java.util.Locale.ROOT) : singular;
        shortNames = shortNames == null ? List.of() : List.copyOf(shortNames);
        categories = categories == null ? List.of() : List.copyOf(categories);
        verbs = verbs == null ? ALL_VERBS : List.copyOf(verbs);
        selectableFields = selectableFields == null ? List.of() : List.copyOf(selectableFields);
    }

    /** Starts a description of {@code kind} served as {@code plural} in {@code group}/{@code version}. */
    public static Builder builder(String group, String version, String plural, String kind) {
        return new Builder(group, version, plural, kind);
    }

    /** The preferred version. */
    public String preferredVersion() {
        return versions.get(0);
    }

    /** {@code group/version} (or {@code version} for the core group) of the preferred version. */
    public String apiVersion() {
        return apiVersion(preferredVersion());
    }

    /** {@code group/version} (or {@code version} for the core group) of {@code version}. */
    public String apiVersion(String version) {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The kind of the list type: {@code kind + "List"}. */
    public String listKind() {
        return kind + "List";
    }

    /** The GroupVersionKind in {@code version}. */
    public GroupVersionKind gvk(String version) {
        return new GroupVersionKind(group, version, kind);
    }

    /** The GroupVersionResource in the preferred version. */
    public GroupVersionResource gvr() {
        return new GroupVersionResource(group, preferredVersion(), plural);
    }

    /** {@code plural} for the core group, else {@code plural.group}: how errors name the resource. */
    public String qualifiedName() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** Whether {@code verb} is allowed. */
    public boolean allows(String verb) {
        return verbs.contains(verb);
    }

    /**
     * The {@code /scale} subresource's mapping onto the object, as in a CRD's {@code subresources.scale}.
     *
     * @param specReplicasPath   dotted path of the desired replicas ({@code spec.replicas})
     * @param statusReplicasPath dotted path of the observed replicas ({@code status.replicas})
     * @param labelSelectorPath  dotted path of the serialized label selector, or null
     */
    public record ScaleSubresource(String specReplicasPath, String statusReplicasPath, String labelSelectorPath) {
        /** The mapping of apps/v1 workloads. */
        public static final ScaleSubresource WORKLOAD =
                new ScaleSubresource("spec.replicas", "status.replicas", "status.selector");
    }

    /** A mutable builder for {@link ResourceType}. */
    public static final class Builder {
        private final String group;
        private final List<String> versions;
        private final String plural;
        private final String kind;
        private String singular;
        private List<String> shortNames = List.of();
        private List<String> categories = List.of();
        private boolean namespaced = true;
        private List<String> verbs = ALL_VERBS;
        private boolean status;
        private ScaleSubresource scale;
        private List<String> selectableFields = List.of();

        private Builder(String group, String version, String plural, String kind) {
            this.group = group;
            this.versions = new java.util.ArrayList<>(List.of(version));
            this.plural = plural;
            this.kind = kind;
        }

        /** Adds further served versions after the preferred one. */
        public Builder alsoServed(String... moreVersions) {
            versions.addAll(List.of(moreVersions));
            return this;
        }

        /** Sets the singular name (default: the lower-cased kind). */
        public Builder singular(String singular) {
            this.singular = singular;
            return this;
        }

        /** Sets the short names. */
        public Builder shortNames(String... names) {
            this.shortNames = List.of(names);
            return this;
        }

        /** Sets the categories. */
        public Builder categories(String... names) {
            this.categories = List.of(names);
            return this;
        }

        /** Makes the resource cluster-scoped. */
        public Builder clusterScoped() {
            this.namespaced = false;
            return this;
        }

        /** Sets whether the resource is namespaced (default true). */
        public Builder namespaced(boolean namespaced) {
            this.namespaced = namespaced;
            return this;
        }

        /** Sets the verbs (default {@link #ALL_VERBS}). */
        public Builder verbs(String... verbs) {
            this.verbs = List.of(verbs);
            return this;
        }

        /** Adds the {@code status} subresource. */
        public Builder withStatus() {
            this.status = true;
            return this;
        }

        /** Adds the {@code scale} subresource. */
        public Builder withScale(ScaleSubresource scale) {
            this.scale = scale;
            return this;
        }

        /** Sets extra field-selector labels (dotted paths). */
        public Builder selectableFields(String... fields) {
            this.selectableFields = List.of(fields);
            return this;
        }

        /** Builds the description. */
        public ResourceType build() {
            return new ResourceType(group, versions, plural, singular, kind, shortNames, categories, namespaced,
                    verbs, status, scale, selectableFields);
        }
    }
}
