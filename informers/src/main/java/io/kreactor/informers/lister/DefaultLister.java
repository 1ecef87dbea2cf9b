package io.kreactor.informers.lister;

import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.selector.LabelSelector;
import io.kreactor.informers.store.Indexer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/** {@link Lister} and, with a namespace, {@link NamespaceLister} over an {@link Indexer}. */
final class DefaultLister<T> implements Lister<T>, NamespaceLister<T> {

    private final Indexer<T> indexer;
    private final MetadataAccessor<T> accessor;
    private final String namespace;

    DefaultLister(Indexer<T> indexer, MetadataAccessor<T> accessor, String namespace) {
        this.indexer = Objects.requireNonNull(indexer, "indexer");
        this.accessor = Objects.requireNonNull(accessor, "accessor");
        this.namespace = namespace;
    }

    @Override
    public List<T> list() {
        return namespace == null ? indexer.list() : indexer.byIndex(Indexer.NAMESPACE_INDEX, namespace);
    }

    @Override
    public List<T> list(Predicate<Map<String, String>> labelSelector) {
        Objects.requireNonNull(labelSelector, "labelSelector");
        return list().stream().filter(o -> labelSelector.test(accessor.labels(o))).toList();
    }

    @Override
    public List<T> list(LabelSelector selector) {
        Objects.requireNonNull(selector, "selector");
        return list(selector::matches);
    }

    @Override
    public Optional<T> get(String name) {
        Objects.requireNonNull(name, "name");
        return indexer.getByKey(namespace == null ? name : namespace + "/" + name);
    }

    @Override
    public NamespaceLister<T> namespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            throw new IllegalArgumentException("namespace must not be empty");
        }
        return new DefaultLister<>(indexer, accessor, namespace);
    }
}
