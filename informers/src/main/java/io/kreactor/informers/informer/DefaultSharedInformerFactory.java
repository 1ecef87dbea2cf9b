package io.kreactor.informers.informer;

import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.informers.ListerWatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** {@link SharedInformerFactory} over a map from key to informer. */
final class DefaultSharedInformerFactory implements SharedInformerFactory {

    private final Function<InformerKey<?>, ListerWatcher<?>> source;
    private final InformerConfig config;
    private final Map<InformerKey<?>, SharedIndexInformer<?>> informers = new ConcurrentHashMap<>();
    private final Map<InformerKey<?>, Disposable> running = new ConcurrentHashMap<>();
    private volatile boolean started;
    private volatile boolean shutDown;

    DefaultSharedInformerFactory(Function<InformerKey<?>, ListerWatcher<?>> source, InformerConfig config) {
        this.source = Objects.requireNonNull(source, "source");
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SharedIndexInformer<T> informerFor(InformerKey<T> key) {
        Objects.requireNonNull(key, "key");
        if (shutDown) {
            throw new IllegalStateException("the informer factory has been shut down");
        }
        SharedIndexInformer<T> informer = (SharedIndexInformer<T>) informers.computeIfAbsent(key, k -> {
            ListerWatcher<T> lw = (ListerWatcher<T>) source.apply(k);
            return SharedIndexInformer.create(lw, MetadataAccessors.forType(key.type()), config);
        });
        if (started) {
            startIfNeeded(key, informer);
        }
        return informer;
    }

    @Override
    public synchronized void start() {
        if (shutDown) {
            throw new IllegalStateException("the informer factory has been shut down");
        }
        started = true;
        informers.forEach(this::startIfNeeded);
    }

    private void startIfNeeded(InformerKey<?> key, SharedIndexInformer<?> informer) {
        running.computeIfAbsent(key, k -> informer.start());
    }

    @Override
    public Mono<Void> waitForCacheSync() {
        List<Mono<Void>> all = new ArrayList<>();
        informers.values().forEach(i -> all.add(i.synced()));
        return Mono.when(all);
    }

    @Override
    public synchronized void shutdown() {
        shutDown = true;
        running.values().forEach(Disposable::dispose);
        running.clear();
    }

    @Override
    public boolean isDisposed() {
        return shutDown;
    }
}
