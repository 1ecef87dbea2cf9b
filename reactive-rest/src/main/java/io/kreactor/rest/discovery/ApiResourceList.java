package io.kreactor.rest.discovery;

import io.kreactor.core.api.GroupVersion;
import java.util.List;
import java.util.Objects;

/**
 * The resources one group version serves ({@code metav1.APIResourceList}, the document at {@code /api/v1} or
 * {@code /apis/{group}/{version}}).
 *
 * @param groupVersion the group version
 * @param resources    its resources and subresources
 */
public record ApiResourceList(GroupVersion groupVersion, List<ApiResource> resources) {

    /** Copies {@code resources}. */
    public ApiResourceList {
        Objects.requireNonNull(groupVersion, "groupVersion");
        resources = List.copyOf(resources);
    }

    /** The top-level resources, without subresources. */
    public List<ApiResource> topLevel() {
        return resources.stream().filter(r -> !r.isSubresource()).toList();
    }
}
