package io.kreactor.core.api;

import java.util.Map;

/**
 * Reads the {@code metadata} of objects of one type without knowing the type statically, so that the
 * Reflector, the caches and the work queues work with typed (fabric8) and untyped objects alike.
 *
 * <p>Obtain one with {@link MetadataAccessors#forType(Class)}.
 *
 * @param <T> the object type
 */
public interface MetadataAccessor<T> {

    /** {@code metadata.namespace}, or null for cluster-scoped objects. */
    String namespace(T object);

    /** {@code metadata.name}. */
    String name(T object);

    /** {@code metadata.resourceVersion}, or null. */
    String resourceVersion(T object);

    /** {@code metadata.uid}, or null. */
    String uid(T object);

    /** {@code metadata.labels}, never null. */
    Map<String, String> labels(T object);

    /** {@code metadata.annotations}, never null. */
    Map<String, String> annotations(T object);

    /**
     * The cache key client-go's {@code MetaNamespaceKeyFunc} computes: {@code namespace/name}, or just
     * {@code name} for cluster-scoped objects.
     */
    default String key(T object) {
        String ns = namespace(object);
        return ns == null || ns.isEmpty() ? name(object) : ns + "/" + name(object);
    }
}
