package io.kreactor.dynamic.mapper;

import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.rest.discovery.ApiResource;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.util.List;
import java.util.Objects;

/**
 * Where the objects of one kind live (client-go's {@code meta.RESTMapping}): the resource to address, the kind,
 * and whether objects are namespaced.
 *
 * @param resource   the group, version and plural resource name
 * @param kind       the group, version and kind
 * @param namespaced whether objects live in a namespace
 * @param singular   the singular resource name, possibly empty
 * @param shortNames the short names, such as {@code deploy}
 */
public record RestMapping(GroupVersionResource resource, GroupVersionKind kind, boolean namespaced, String singular,
                          List<String> shortNames) {

    /** Validates and copies. */
    public RestMapping {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(kind, "kind");
        singular = singular == null ? "" : singular;
        shortNames = List.copyOf(shortNames);
    }

    /** The mapping a discovered resource stands for. */
    public static RestMapping of(ApiResource resource) {
        return new RestMapping(resource.groupVersionResource(), resource.groupVersionKind(), resource.namespaced(),
                resource.singularName(), resource.shortNames());
    }

    /** The descriptor a {@code DynamicClient} or {@code ResourceClient} addresses this resource with, scope known. */
    public ResourceDescriptor descriptor() {
        return ResourceDescriptor.of(resource, kind.kind(), namespaced)
                .withNames(singular.isEmpty() ? kind.kind().toLowerCase(java.util.Locale.ROOT) : singular, shortNames);
    }
}
