package io.kreactor.informers.store;

import io.kreactor.core.api.MetadataAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@link Indexer} over a {@link Snapshot} of concurrent maps. Writers synchronize on this object (there is
 * normally exactly one: the informer's processing loop), readers only read the volatile snapshot reference.
 */
final class DefaultIndexer<T> implements Indexer<T> {

    private final MetadataAccessor<T> accessor;
    private final Function<T, String> keyFunction;
    /** Replaced (never mutated) when index functions are added; read without a lock. */
    private volatile Map<String, IndexFunction<T>> indexers;
    /** Replaced as a whole by {@link #replace}; single writes mutate its maps in place. */
    private volatile Snapshot<T> snapshot;

    /**
     * The cache content: items by key, and for each index name a map from index value to the keys of the
     * objects indexed under it. Invariant (between writes): key k is in indices[n][v] iff items[k] exists and
     * indexers[n] yields v for it; empty key sets are removed.
     */
    private record Snapshot<T>(ConcurrentHashMap<String, T> items,
                               ConcurrentHashMap<String, ConcurrentHashMap<String, Set<String>>> indices) {
        static <T> Snapshot<T> empty(Collection<String> indexNames) {
            ConcurrentHashMap<String, ConcurrentHashMap<String, Set<String>>> indices = new ConcurrentHashMap<>();
            indexNames.forEach(n -> indices.put(n, new ConcurrentHashMap<>()));
            return new Snapshot<>(new ConcurrentHashMap<>(), indices);
        }
    }

    DefaultIndexer(MetadataAccessor<T> accessor, Function<T, String> keyFunction) {
        this.accessor = Objects.requireNonNull(accessor, "accessor");
        this.keyFunction = Objects.requireNonNull(keyFunction, "keyFunction");
        IndexFunction<T> byNamespace = o -> {
            String ns = accessor.namespace(o);
            return List.of(ns == null ? "" : ns);
        };
        this.indexers = Map.of(NAMESPACE_INDEX, byNamespace);
        this.snapshot = Snapshot.empty(indexers.keySet());
    }

    @Override
    public String keyOf(T object) {
        String key = keyFunction.apply(Objects.requireNonNull(object, "object"));
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("the key function returned no key for a " + object.getClass().getSimpleName()
                    + " (does it have metadata.name?)");
        }
        return key;
    }

    @Override
    public synchronized void addIndexers(Map<String, IndexFunction<T>> added) {
        Map<String, IndexFunction<T>> all = new LinkedHashMap<>(indexers);
        added.forEach((name, fn) -> {
            Objects.requireNonNull(fn, "index function " + name);
            if (all.putIfAbsent(Objects.requireNonNull(name, "index name"), fn) != null) {
                throw new IllegalArgumentException("index '" + name + "' already exists");
            }
        });
        indexers = Map.copyOf(all);
        snapshot = build(snapshot.items().values());
    }

    @Override
    public List<String> indexNames() {
        return List.copyOf(indexers.keySet());
    }

    @Override
    public Optional<T> get(T object) {
        return getByKey(keyOf(object));
    }

    @Override
    public Optional<T> getByKey(String key) {
        return Optional.ofNullable(snapshot.items().get(Objects.requireNonNull(key, "key")));
    }

    @Override
    public List<T> list() {
        return List.copyOf(snapshot.items().values());
    }

    @Override
    public List<String> listKeys() {
        return List.copyOf(snapshot.items().keySet());
    }

    @Override
    public int size() {
        return snapshot.items().size();
    }

    @Override
    public List<T> byIndex(String indexName, String indexedValue) {
        Snapshot<T> s = snapshot;
        IndexFunction<T> fn = indexFunction(indexName);
        List<T> result = new ArrayList<>();
        for (String key : keysIn(s, indexName, indexedValue)) {
            T o = s.items().get(key);
            // Re-check: a concurrent write may have replaced the object but not yet its index entries.
            if (o != null && fn.values(o).contains(indexedValue)) {
                result.add(o);
            }
        }
        return result;
    }

    @Override
    public List<String> indexKeys(String indexName, String indexedValue) {
        return List.copyOf(keysIn(snapshot, indexName, indexedValue));
    }

    @Override
    public List<T> index(String indexName, T object) {
        IndexFunction<T> fn = indexFunction(indexName);
        Snapshot<T> s = snapshot;
        Collection<String> values = fn.values(object);
        Set<String> keys = new LinkedHashSet<>();
        for (String value : values) {
            keys.addAll(keysIn(s, indexName, value));
        }
        List<T> result = new ArrayList<>();
        for (String key : keys) {
            T o = s.items().get(key);
            if (o != null && !Collections.disjoint(fn.values(o), values)) {
                result.add(o);
            }
        }
        return result;
    }

    @Override
    public List<String> listIndexFuncValues(String indexName) {
        indexFunction(indexName);
        var index = snapshot.indices().get(indexName);
        return index == null ? List.of() : List.copyOf(index.keySet());
    }

    private Set<String> keysIn(Snapshot<T> s, String indexName, String value) {
        indexFunction(indexName);
        var index = s.indices().get(indexName);
        Set<String> keys = index == null ? null : index.get(Objects.requireNonNull(value, "indexedValue"));
        return keys == null ? Set.of() : keys;
    }

    private IndexFunction<T> indexFunction(String indexName) {
        IndexFunction<T> fn = indexers.get(Objects.requireNonNull(indexName, "indexName"));
        if (fn == null) {
            throw new IllegalArgumentException("no index named '" + indexName + "'; indices: " + indexers.keySet());
        }
        return fn;
    }

    @Override
    public synchronized Change<T> upsert(T object) {
        String key = keyOf(object);
        Snapshot<T> s = snapshot;
        T old = s.items().put(key, object);
        if (old != null) {
            unindex(s, key, old);
        }
        index(s, key, object);
        return old == null ? Change.added(object) : Change.updated(old, object);
    }

    @Override
    public synchronized Change<T> delete(T object) {
        String key = keyOf(object);
        Snapshot<T> s = snapshot;
        T old = s.items().remove(key);
        if (old != null) {
            unindex(s, key, old);
        }
        return Change.deleted(old, object);
    }

    @Override
    public synchronized List<Change<T>> replace(Collection<T> objects) {
        Snapshot<T> old = snapshot;
        int n = objects.size();
        // Each key is computed once: a relist of thousands of objects is applied while its watch is already
        // delivering events, and the informer reports synced only after this returns.
        List<String> keys = new ArrayList<>(n);
        ConcurrentHashMap<String, T> items = new ConcurrentHashMap<>(n);
        for (T o : objects) {
            String key = keyOf(o);
            keys.add(key);
            items.put(key, o);
        }
        Snapshot<T> next = new Snapshot<>(items, buildIndices(items));
        List<Change<T>> changes = new ArrayList<>(n);
        for (Map.Entry<String, T> e : old.items().entrySet()) {
            if (!items.containsKey(e.getKey())) {
                changes.add(Change.tombstone(e.getValue()));
            }
        }
        int i = 0;
        for (T o : objects) {
            String key = keys.get(i++);
            if (items.get(key) != o) {
                continue; // a later object with the same key wins, as it does in the new snapshot
            }
            T before = old.items().get(key);
            if (before == null) {
                changes.add(Change.added(o));
            } else if (changed(before, o)) {
                changes.add(Change.updated(before, o));
            }
        }
        snapshot = next;
        return changes;
    }

    private boolean changed(T before, T after) {
        String a = accessor.resourceVersion(before);
        String b = accessor.resourceVersion(after);
        // resourceVersions are opaque: equal strings mean the same version, nothing else is inferred.
        return a != null && b != null ? !a.equals(b) : !Objects.equals(before, after);
    }

    private Snapshot<T> build(Collection<T> objects) {
        ConcurrentHashMap<String, T> items = new ConcurrentHashMap<>(objects.size());
        for (T o : objects) {
            items.put(keyOf(o), o);
        }
        return new Snapshot<>(items, buildIndices(items));
    }

    /**
     * Every index over {@code items}, each key set made once at its final size: adding keys one at a time made
     * the namespace index's set (all objects of a namespaced informer) grow by repeated rehashing.
     */
    private ConcurrentHashMap<String, ConcurrentHashMap<String, Set<String>>> buildIndices(Map<String, T> items) {
        ConcurrentHashMap<String, ConcurrentHashMap<String, Set<String>>> indices = new ConcurrentHashMap<>();
        indexers.forEach((name, fn) -> {
            Map<String, List<String>> keysByValue = new HashMap<>();
            items.forEach((key, o) -> {
                for (String value : fn.values(o)) {
                    keysByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(key);
                }
            });
            ConcurrentHashMap<String, Set<String>> index = new ConcurrentHashMap<>(keysByValue.size());
            keysByValue.forEach((value, keys) -> {
                Set<String> set = ConcurrentHashMap.newKeySet(keys.size());
                set.addAll(keys);
                index.put(value, set);
            });
            indices.put(name, index);
        });
        return indices;
    }

    private void index(Snapshot<T> s, String key, T object) {
        indexers.forEach((name, fn) -> {
            var index = s.indices().computeIfAbsent(name, n -> new ConcurrentHashMap<>());
            for (String value : fn.values(object)) {
                index.computeIfAbsent(value, v -> ConcurrentHashMap.newKeySet()).add(key);
            }
        });
    }

    private void unindex(Snapshot<T> s, String key, T object) {
        indexers.forEach((name, fn) -> {
            var index = s.indices().get(name);
            if (index == null) {
                return;
            }
            for (String value : fn.values(object)) {
                index.computeIfPresent(value, (v, keys) -> {
                    keys.remove(key);
                    return keys.isEmpty() ? null : keys;
                });
            }
        });
    }
}
