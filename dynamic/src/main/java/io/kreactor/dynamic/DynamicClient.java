package io.kreactor.dynamic;

import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.util.Objects;

/**
 * The DynamicClient, client-go's {@code dynamic.Interface}: every operation of the generic
 * {@link ResourceClient} on any resource — built-in or a CustomResourceDefinition registered a moment ago —
 * with untyped {@link Unstructured} objects, no model classes needed.
 *
 * <pre>{@code
 * DynamicClient dynamic = DynamicClient.create(rest);
 * GroupVersionResource widgets = new GroupVersionResource("example.com", "v1", "widgets");
 * Mono<Unstructured> w = dynamic.resource(widgets).namespace("default").get("w-1");
 * Mono<Widget> typed = w.map(u -> u.to(Widget.class)); // and Unstructured.from(typed) back
 * }</pre>
 *
 * <p>{@link #resource(GroupVersionResource)} knows only the address, so — like client-go — it takes a namespace
 * when given one and addresses the cluster-wide path otherwise, leaving the server to judge the scope.
 * {@link #resource(ResourceDescriptor)} (for example from a RESTMapper) checks the scope on the client side
 * as the typed clients do. Immutable and thread-safe; shares one {@link RestClient}.
 */
public interface DynamicClient {

    /** A DynamicClient over an existing {@code rest} client. */
    static DynamicClient create(RestClient rest) {
        return new DefaultDynamicClient(Objects.requireNonNull(rest, "rest"));
    }

    /** A DynamicClient over a new {@link RestClient} for {@code config}; dispose it with {@code restClient().dispose()}. */
    static DynamicClient create(ClientConfig config) {
        return create(RestClient.create(Objects.requireNonNull(config, "config")));
    }

    /** The REST client every resource client shares. */
    RestClient restClient();

    /**
     * The untyped client of {@code gvr}, without a namespace; {@code .namespace(ns)} binds one. The scope is
     * not known to the client: name-based operations go to {@code /namespaces/{ns}/...} when a namespace is
     * bound (or the object names one) and to the cluster-wide path otherwise.
     */
    ResourceClient<Unstructured> resource(GroupVersionResource gvr);

    /** The untyped client of the resource {@code descriptor} describes, with its scope checked client-side. */
    ResourceClient<Unstructured> resource(ResourceDescriptor descriptor);
}
