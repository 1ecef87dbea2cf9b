package io.kreactor.informers.reconcile;

import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.api.MetadataAccessors;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Ready-made functions from an object to the keys to reconcile, controller-runtime's event handlers
 * ({@code EnqueueRequestForObject}, {@code EnqueueRequestForOwner}). Compose them with a function that
 * takes the object out of an informer event:
 *
 * <pre>{@code
 * builder.watches(podEvents, KeyMappers.<Pod>controllerOwner("apps/v1", "ReplicaSet").compose(PodEvent::object))
 * }</pre>
 */
public final class KeyMappers {

    private KeyMappers() {
    }

    /** The object's own key ({@code namespace/name}, or {@code name}), client-go's {@code MetaNamespaceKeyFunc}. */
    public static <T> Function<T, List<String>> objectKey() {
        return object -> {
            Objects.requireNonNull(object, "object");
            @SuppressWarnings("unchecked")
            MetadataAccessor<Object> accessor = (MetadataAccessor<Object>) MetadataAccessors.forType(object.getClass());
            return List.of(accessor.key(object));
        };
    }

    /**
     * The key of the object's controlling owner — the owner reference with {@code controller: true} — when
     * that owner is of {@code ownerKind} in the API group of {@code ownerApiVersion}; no key otherwise.
     * The owner is taken to be namespaced, in the owned object's namespace (owner references cannot cross
     * namespaces); use {@link #clusterScopedControllerOwner} for cluster-scoped owner kinds.
     */
    public static <T> Function<T, List<String>> controllerOwner(String ownerApiVersion, String ownerKind) {
        return owners(ownerApiVersion, ownerKind, true, true);
    }

    /** {@link #controllerOwner} for a cluster-scoped owner kind: the key is the owner's name alone. */
    public static <T> Function<T, List<String>> clusterScopedControllerOwner(String ownerApiVersion, String ownerKind) {
        return owners(ownerApiVersion, ownerKind, true, false);
    }

    /**
     * The keys of every owner of {@code ownerKind} in the API group of {@code ownerApiVersion}, controlling or
     * not (controller-runtime's {@code EnqueueRequestForOwner} without {@code OnlyControllerOwner}); owners
     * are namespaced in the owned object's namespace.
     */
    public static <T> Function<T, List<String>> owners(String ownerApiVersion, String ownerKind) {
        return owners(ownerApiVersion, ownerKind, false, true);
    }

    private static <T> Function<T, List<String>> owners(String apiVersion, String kind, boolean onlyController, boolean namespaced) {
        Objects.requireNonNull(apiVersion, "ownerApiVersion");
        Objects.requireNonNull(kind, "ownerKind");
        GroupVersion.parse(apiVersion); // reject a malformed apiVersion now, not on the first event
        return object -> {
            Objects.requireNonNull(object, "object");
            String namespace = namespaced ? namespaceOf(object) : null;
            return OwnerReferences.of(object).stream()
                    .filter(ref -> !onlyController || ref.controller())
                    .filter(ref -> ref.refersTo(apiVersion, kind) && ref.name() != null && !ref.name().isEmpty())
                    .map(ref -> ObjectKey.of(namespace, ref.name()))
                    .distinct()
                    .toList();
        };
    }

    @SuppressWarnings("unchecked")
    private static String namespaceOf(Object object) {
        return ((MetadataAccessor<Object>) MetadataAccessors.forType(object.getClass())).namespace(object);
    }
}
