package io.kreactor.informers.store;

import io.kreactor.core.api.MetadataAccessor;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A thread-safe, indexed cache of objects by key — client-go's {@code cache.Indexer} over its
 * {@code ThreadSafeStore}. Keys come from a pluggable key function (by default {@code namespace/name}, or
 * {@code name} for cluster-scoped objects, as {@code MetaNamespaceKeyFunc}); named index functions map each
 * object to index values, and {@link #NAMESPACE_INDEX} is always present.
 *
 * <p>Concurrency: one writer at a time (writes are serialized), any number of readers that never wait for a
 * writer. Single writes update concurrent maps in place; {@link #replace} builds a complete new snapshot and
 * swaps it in with one volatile write, so a reader sees either the old state or the new one. A reader may
 * not see a single write atomically across the item map and the indices; {@link #byIndex} re-checks each
 * hit against the index function, so it never returns an object that does not match.
 *
 * <p>Objects in the cache are shared: treat them as read-only. Those an informer decoded share even their
 * parts with each other (repeated strings, empty {@code additionalProperties} maps), so {@code setAdditionalProperty}
 * on a cached fabric8 object throws {@link UnsupportedOperationException}; change a copy
 * ({@code new PodBuilder(cached).build()}) instead.
 *
 * @param <T> the object type
 */
public interface Indexer<T> {

    /** The name of the built-in index of objects by {@code metadata.namespace} ({@code ""} for cluster scope). */
    String NAMESPACE_INDEX = "namespace";

    /** An empty indexer keyed by {@code accessor.key}: {@code namespace/name}. */
    static <T> Indexer<T> create(MetadataAccessor<T> accessor) {
        return new DefaultIndexer<>(accessor, accessor::key);
    }

    /** An empty indexer keyed by {@code keyFunction}. */
    static <T> Indexer<T> create(MetadataAccessor<T> accessor, Function<T, String> keyFunction) {
        return new DefaultIndexer<>(accessor, keyFunction);
    }

    /** The key of {@code object} under this indexer's key function. */
    String keyOf(T object);

    /**
     * Adds named index functions (client-go's {@code AddIndexers}). Existing objects are indexed at once.
     *
     * @throws IllegalArgumentException when a name is already taken
     */
    void addIndexers(Map<String, IndexFunction<T>> indexers);

    /** The names of every index. */
    List<String> indexNames();

    /** The cached object with the same key as {@code object}. */
    Optional<T> get(T object);

    /** The cached object under {@code key}. */
    Optional<T> getByKey(String key);

    /** Every cached object, in no particular order. */
    List<T> list();

    /** Every key, in no particular order. */
    List<String> listKeys();

    /** How many objects are cached. */
    int size();

    /**
     * The objects whose index function {@code indexName} yields {@code indexedValue}.
     *
     * @throws IllegalArgumentException when there is no such index
     */
    List<T> byIndex(String indexName, String indexedValue);

    /** The keys of the objects {@link #byIndex} would return. */
    List<String> indexKeys(String indexName, String indexedValue);

    /** The objects that share any index value of {@code indexName} with {@code object} (client-go's {@code Index}). */
    List<T> index(String indexName, T object);

    /** Every value index {@code indexName} currently holds. */
    List<String> listIndexFuncValues(String indexName);

    /**
     * Adds {@code object} or replaces the cached object with its key.
     *
     * @return {@link DeltaType#ADDED} when the key was new, else {@link DeltaType#UPDATED} with the old object
     */
    Change<T> upsert(T object);

    /**
     * Removes the object with {@code object}'s key.
     *
     * @param object the object's final state
     * @return a DELETED change carrying the previously cached object (null when none) and {@code object}
     */
    Change<T> delete(T object);

    /**
     * Swaps the whole content for {@code objects} in one step (client-go's {@code Replace}), returning what
     * changed: DELETED tombstones (the last cached state, {@code finalStateUnknown}) for cached keys missing
     * from {@code objects}, ADDED for new keys, UPDATED for keys whose resourceVersion differs (or, for objects
     * without one, that are not {@code equals}). Unchanged objects yield nothing.
     */
    List<Change<T>> replace(Collection<T> objects);

    /**
     * Applies one {@link DeltaFIFO} item: ADDED/UPDATED/REPLACED upsert, DELETED deletes, SYNC reports the
     * cached object as unchanged, and {@link ReplaceAll} is one atomic {@link #replace}.
     */
    default List<Change<T>> apply(FifoItem<T> item) {
        if (item instanceof ReplaceAll<T> all) {
            return replace(all.objects());
        }
        Delta<T> delta = (Delta<T>) item;
        return switch (delta.type()) {
            case ADDED, UPDATED, REPLACED -> List.of(upsert(delta.object()));
            case DELETED -> List.of(delete(delta.object()));
            case SYNC -> get(delta.object()).map(o -> List.of(new Change<>(DeltaType.SYNC, o, o, false))).orElse(List.of());
        };
    }
}
