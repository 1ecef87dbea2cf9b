package io.kreactor.rest.discovery;

import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import java.util.List;
import java.util.Objects;

/**
 * One resource of a group version ({@code metav1.APIResource}). Subresources are listed as their own entries
 * named {@code resource/subresource} (such as {@code pods/status}), as the legacy discovery documents do.
 *
 * @param name         the plural resource name, or {@code resource/subresource}
 * @param singularName the singular name, such as {@code pod}; may be empty on old servers
 * @param namespaced   whether objects of this resource live in a namespace
 * @param group        the group the resource belongs to
 * @param version      the version it is served at
 * @param kind         the kind of the objects it serves (for subresources, the kind the subresource returns)
 * @param verbs        the verbs it supports ({@code get}, {@code list}, {@code watch}, {@code create}, …)
 * @param shortNames   short aliases, such as {@code po} or {@code deploy}
 * @param categories   the categories it belongs to, such as {@code all}
 */
public record ApiResource(String name, String singularName, boolean namespaced, String group, String version,
                          String kind, List<String> verbs, List<String> shortNames, List<String> categories) {

    /** Validates the names and copies the lists. */
    public ApiResource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kind, "kind");
        singularName = singularName == null ? "" : singularName;
        verbs = List.copyOf(verbs);
        shortNames = List.copyOf(shortNames);
        categories = List.copyOf(categories);
    }

    /** Whether this entry is a subresource ({@code pods/status}). */
    public boolean isSubresource() {
        return name.indexOf('/') >= 0;
    }

    /** The resource part of the name ({@code pods} for {@code pods/status}). */
    public String resourceName() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /** The resource as a {@link GroupVersionResource} (the resource part only for subresources). */
    public GroupVersionResource groupVersionResource() {
        return new GroupVersionResource(group, version, resourceName());
    }

    /** The kind as a {@link GroupVersionKind}. */
    public GroupVersionKind groupVersionKind() {
        return new GroupVersionKind(group, version, kind);
    }

    /** Whether the resource supports {@code verb}. */
    public boolean supports(String verb) {
        return verbs.contains(verb);
    }
}
