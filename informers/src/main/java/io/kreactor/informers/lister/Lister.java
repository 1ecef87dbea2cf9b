package io.kreactor.informers.lister;

import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.informers.store.Indexer;
import io.kreactor.core.selector.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Read-only, typed queries over an informer's cache — client-go's generated listers
 * ({@code PodLister}). Every call reads memory only; nothing goes to the server. The results are the cached
 * objects themselves: do not modify them.
 *
 * <p>Keys are assumed to be {@code namespace/name} (the default key function).
 *
 * @param <T> the object type
 */
public interface Lister<T> {

    /** A lister over {@code indexer}, reading labels with {@code accessor}. */
    static <T> Lister<T> of(Indexer<T> indexer, MetadataAccessor<T> accessor) {
        return new DefaultLister<>(indexer, accessor, null);
    }

    /** Every cached object. */
    List<T> list();

    /** The cached objects whose labels satisfy {@code labelSelector} (e.g. a parsed label selector's {@code matches}). */
    List<T> list(Predicate<Map<String, String>> labelSelector);

    /** The cached objects that {@code selector} matches. */
    default List<T> list(LabelSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return list(selector::matches);
    }

    /** The cluster-scoped object named {@code name} (for namespaced objects use {@link #namespace}). */
    Optional<T> get(String name);

    /** Queries restricted to {@code namespace}, served by the namespace index. */
    NamespaceLister<T> namespace(String namespace);
}
