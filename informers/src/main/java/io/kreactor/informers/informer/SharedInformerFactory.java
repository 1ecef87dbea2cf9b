package io.kreactor.informers.informer;

import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.informers.ListerWatcher;
import io.kreactor.rest.RestClient;
import java.util.Objects;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Hands out one {@link SharedIndexInformer} per {@link InformerKey} (resource, type, namespace, selectors),
 * so that every part of an application that watches the same thing shares one watch and one cache —
 * client-go's {@code SharedInformerFactory}. Works for typed classes (fabric8 models) and untyped objects
 * ({@code JsonNode}, or any type {@link io.kreactor.core.api.MetadataAccessors} can read).
 *
 * <pre>{@code
 * SharedInformerFactory factory = SharedInformerFactory.create(rest, InformerConfig.DEFAULT);
 * SharedIndexInformer<Pod> pods = factory.informerFor(InformerKey.of(new GroupVersionResource("", "v1", "pods"), Pod.class));
 * factory.start();
 * factory.waitForCacheSync().then(...);
 * }</pre>
 */
public interface SharedInformerFactory extends Disposable {

    /** A factory whose informers list and watch through {@code rest}. */
    static SharedInformerFactory create(RestClient rest, InformerConfig config) {
        Objects.requireNonNull(rest, "rest");
        return new DefaultSharedInformerFactory(key -> ListerWatcher.forResource(rest, key.resource(), key.namespace(),
                key.type(), key.labelSelector(), key.fieldSelector()), config);
    }

    /** A factory whose informers get their ListerWatcher from {@code source} (a fake one in tests). */
    static SharedInformerFactory create(Function<InformerKey<?>, ListerWatcher<?>> source, InformerConfig config) {
        return new DefaultSharedInformerFactory(source, config);
    }

    /** The informer for {@code key}, created on first use; started at once if the factory is started. */
    <T> SharedIndexInformer<T> informerFor(InformerKey<T> key);

    /** The informer for every {@code type} object of {@code resource} in all namespaces. */
    default <T> SharedIndexInformer<T> informerFor(GroupVersionResource resource, Class<T> type) {
        return informerFor(InformerKey.of(resource, type));
    }

    /** Starts every informer created so far and, from now on, each one as it is created. Idempotent. */
    void start();

    /** Completes when every informer created so far has synced. */
    Mono<Void> waitForCacheSync();

    /** Stops every informer (their subscribers complete); the factory cannot be started again. */
    void shutdown();

    /** Same as {@link #shutdown()}. */
    @Override
    default void dispose() {
        shutdown();
    }
}
