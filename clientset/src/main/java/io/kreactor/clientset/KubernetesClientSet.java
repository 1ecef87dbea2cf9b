package io.kreactor.clientset;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.util.Objects;

/**
 * The typed ClientSet, client-go's {@code kubernetes.Clientset}: one accessor per built-in API group version
 * ({@code clientSet.coreV1().pods("default")}, {@code appsV1().deployments(ns)}, {@code coreV1().nodes()}),
 * generated from fabric8's model classes, and typed clients for custom-resource classes
 * ({@link #resources(Class)}). Every typed client is the generic {@link ResourceClient} over fabric8's model
 * type.
 *
 * <p>Immutable and thread-safe. All clients share one {@link RestClient} — one connection pool, one rate
 * limiter, one credential source. {@link #dispose()} releases it when this ClientSet created it.
 */
public final class KubernetesClientSet extends BuiltinApiGroups implements reactor.core.Disposable {

    private final RestClient rest;
    private final boolean ownsRest;

    private KubernetesClientSet(RestClient rest, boolean ownsRest) {
        this.rest = rest;
        this.ownsRest = ownsRest;
    }

    /** A ClientSet over a new {@link RestClient} for {@code config}; {@link #dispose()} closes that client. */
    public static KubernetesClientSet create(ClientConfig config) {
        return new KubernetesClientSet(RestClient.create(Objects.requireNonNull(config, "config")), true);
    }

    /** A ClientSet over an existing {@code rest} client, which stays the caller's to dispose. */
    public static KubernetesClientSet create(RestClient rest) {
        return new KubernetesClientSet(Objects.requireNonNull(rest, "rest"), false);
    }

    @Override
    public RestClient restClient() {
        return rest;
    }

    /**
     * A typed client for {@code type}, without a namespace: a built-in model class (as the generated accessors
     * describe it), or a custom-resource class annotated with fabric8's {@code @Group}, {@code @Version} and
     * optionally {@code @Kind}, {@code @Plural}, {@code @Singular}, {@code @ShortNames}; namespaced iff it
     * implements {@code io.fabric8.kubernetes.api.model.Namespaced}.
     *
     * @throws IllegalArgumentException naming the class when it is neither built in nor annotated
     */
    public <T> ResourceClient<T> resources(Class<T> type) {
        return ResourceClient.create(rest, ResourceDescriptors.forClass(type), type);
    }

    /** A typed client for objects of {@code type} at the resource {@code descriptor} describes. */
    public <T> ResourceClient<T> resources(Class<T> type, ResourceDescriptor descriptor) {
        return ResourceClient.create(rest, Objects.requireNonNull(descriptor, "descriptor"), type);
    }

    /** Disposes the {@link RestClient} when {@link #create(ClientConfig)} made it; otherwise does nothing. */
    @Override
    public void dispose() {
        if (ownsRest) {
            rest.dispose();
        }
    }

    @Override
    public boolean isDisposed() {
        return ownsRest && rest.isDisposed();
    }

    @Override
    public String toString() {
        return "KubernetesClientSet[" + rest.config().server() + "]";
    }
}
