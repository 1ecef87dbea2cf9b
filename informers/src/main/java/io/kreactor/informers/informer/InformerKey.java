package io.kreactor.informers.informer;

import io.kreactor.core.api.GroupVersionResource;
import java.util.Objects;

/**
 * What makes two informers of a {@link SharedInformerFactory} the same one: the resource, the object type
 * it is decoded as, the namespace and the selectors.
 *
 * @param resource      the collection
 * @param type          the object class ({@code JsonNode.class} or an untyped class for dynamic objects)
 * @param namespace     the namespace, or null for all namespaces / cluster scope
 * @param labelSelector a label selector, or null
 * @param fieldSelector a field selector, or null
 * @param <T>           the object type
 */
public record InformerKey<T>(GroupVersionResource resource, Class<T> type, String namespace,
                             String labelSelector, String fieldSelector) {

    /** Rejects a null resource or type; normalizes empty strings to null. */
    public InformerKey {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(type, "type");
        namespace = emptyToNull(namespace);
        labelSelector = emptyToNull(labelSelector);
        fieldSelector = emptyToNull(fieldSelector);
    }

    /** All objects of {@code resource} in every namespace, as {@code type}. */
    public static <T> InformerKey<T> of(GroupVersionResource resource, Class<T> type) {
        return new InformerKey<>(resource, type, null, null, null);
    }

    /** A copy restricted to {@code namespace}. */
    public InformerKey<T> inNamespace(String namespace) {
        return new InformerKey<>(resource, type, namespace, labelSelector, fieldSelector);
    }

    /** A copy restricted by {@code labelSelector}. */
    public InformerKey<T> withLabelSelector(String labelSelector) {
        return new InformerKey<>(resource, type, namespace, labelSelector, fieldSelector);
    }

    /** A copy restricted by {@code fieldSelector}. */
    public InformerKey<T> withFieldSelector(String fieldSelector) {
        return new InformerKey<>(resource, type, namespace, labelSelector, fieldSelector);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
