package io.kreactor.dynamic;

import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.Unstructured;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.util.Objects;

/** The {@link DynamicClient}: the generic resource client with {@link Unstructured} as the object type. */
final class DefaultDynamicClient implements DynamicClient {

    private final RestClient rest;

    DefaultDynamicClient(RestClient rest) {
        this.rest = rest;
    }

    @Override
    public RestClient restClient() {
        return rest;
    }

    @Override
    public ResourceClient<Unstructured> resource(GroupVersionResource gvr) {
        return resource(ResourceDescriptor.forResource(Objects.requireNonNull(gvr, "gvr")));
    }

    @Override
    public ResourceClient<Unstructured> resource(ResourceDescriptor descriptor) {
        return ResourceClient.create(rest, Objects.requireNonNull(descriptor, "descriptor"), Unstructured.class);
    }

    @Override
    public String toString() {
        return "DynamicClient[" + rest.config().server() + "]";
    }
}
