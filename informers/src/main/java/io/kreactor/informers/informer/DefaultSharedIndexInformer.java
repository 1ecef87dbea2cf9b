package io.kreactor.informers.informer;

import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.informers.ListerWatcher;
import io.kreactor.informers.reflector.Reflector;
import io.kreactor.informers.store.Change;
import io.kreactor.informers.store.DeltaFIFO;
import io.kreactor.informers.store.FifoItem;
import io.kreactor.informers.store.IndexFunction;
import io.kreactor.informers.store.Indexer;
import io.kreactor.informers.store.ReplaceAll;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * {@link SharedIndexInformer}: Reflector → DeltaFIFO → (one processing worker) Indexer + listeners.
 *
 * <p>Everything that touches the listener list or writes the cache runs on {@code processing}, one task at
 * a time, so a new subscriber's snapshot and the changes after it are consistent without locks.
 */
final class DefaultSharedIndexInformer<T> implements SharedIndexInformer<T> {

    private enum Lifecycle { NEW, RUNNING, STOPPED }

    private final ListerWatcher<T> listerWatcher;
    private final MetadataAccessor<T> accessor;
    private final Indexer<T> indexer;
    private final InformerConfig config;
    private final Reflector<T> reflector;
    private final Scheduler.Worker processing;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.NEW);
    private final Sinks.Empty<Void> synced = Sinks.empty();
    private final AtomicInteger drainWip = new AtomicInteger();
    /** Touched only on {@code processing}. */
    private final List<Listener<T>> listeners = new ArrayList<>();
    private volatile UnaryOperator<T> transform = UnaryOperator.identity();
    private volatile boolean hasSynced;
    private volatile DeltaFIFO<T> fifo;

    DefaultSharedIndexInformer(ListerWatcher<T> listerWatcher, MetadataAccessor<T> accessor, Indexer<T> indexer, InformerConfig config) {
        this.listerWatcher = Objects.requireNonNull(listerWatcher, "listerWatcher");
        this.accessor = Objects.requireNonNull(accessor, "accessor");
        this.indexer = Objects.requireNonNull(indexer, "indexer");
        this.config = Objects.requireNonNull(config, "config");
        this.reflector = Reflector.create(listerWatcher, accessor, config.reflector());
        this.processing = config.scheduler().createWorker();
    }

    @Override
    public SharedIndexInformer<T> addIndexers(Map<String, IndexFunction<T>> indexers) {
        requireNotStarted("addIndexers");
        indexer.addIndexers(indexers);
        return this;
    }

    @Override
    public SharedIndexInformer<T> setTransform(UnaryOperator<T> transform) {
        requireNotStarted("setTransform");
        this.transform = Objects.requireNonNull(transform, "transform");
        return this;
    }

    private void requireNotStarted(String what) {
        if (lifecycle.get() != Lifecycle.NEW) {
            throw new IllegalStateException(what + " must be called before the informer starts (" + listerWatcher + ")");
        }
    }

    @Override
    public Disposable start() {
        if (!lifecycle.compareAndSet(Lifecycle.NEW, Lifecycle.RUNNING)) {
            throw new IllegalStateException("informer already started (" + listerWatcher + ")");
        }
        DeltaFIFO<T> queue = new DeltaFIFO<>(config.fifoCapacity(), transform, this::signal);
        fifo = queue;
        queue.consume(reflector.events());
        Disposable resync = Disposables.disposed();
        if (!config.resyncPeriod().isZero()) {
            long period = config.resyncPeriod().toMillis();
            resync = config.scheduler().schedulePeriodically(() -> runOnProcessing(this::resync), period, period, TimeUnit.MILLISECONDS);
        }
        Disposable timer = resync;
        return Disposables.composite(queue, timer, this::stop);
    }

    private void stop() {
        if (lifecycle.getAndSet(Lifecycle.STOPPED) == Lifecycle.STOPPED) {
            return;
        }
        runOnProcessing(() -> {
            listeners.forEach(Listener::complete);
            listeners.clear();
            synced.tryEmitError(new IllegalStateException("informer stopped before its cache synced (" + listerWatcher + ")"));
            processing.dispose();
        });
    }

    private void runOnProcessing(Runnable task) {
        try {
            processing.schedule(task);
        } catch (RejectedExecutionException e) {
            // The informer has stopped; nothing is left to do.
        }
    }

    /** Called by the DeltaFIFO on the Reflector's thread: make sure one drain runs on the processing worker. */
    private void signal() {
        if (drainWip.getAndIncrement() == 0) {
            runOnProcessing(this::drain);
        }
    }

    private void drain() {
        int missed = 1;
        DeltaFIFO<T> queue = fifo;
        for (;;) {
            FifoItem<T> item;
            while ((item = queue.poll()) != null) {
                process(item);
            }
            missed = drainWip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private void process(FifoItem<T> item) {
        List<Change<T>> changes = indexer.apply(item);
        if (item instanceof ReplaceAll<T> && !hasSynced) {
            hasSynced = true;
            synced.tryEmitEmpty();
        }
        for (Change<T> change : changes) {
            InformerEvent<T> event = toEvent(change);
            for (Listener<T> listener : listeners) {
                listener.offer(event);
            }
        }
    }

    private void resync() {
        if (!hasSynced || lifecycle.get() != Lifecycle.RUNNING) {
            return;
        }
        for (T o : indexer.list()) {
            InformerEvent<T> event = new InformerEvent.Updated<>(o, o);
            for (Listener<T> listener : listeners) {
                if (listener.options().resync()) {
                    listener.offer(event);
                }
            }
        }
    }

    private static <T> InformerEvent<T> toEvent(Change<T> change) {
        return switch (change.type()) {
            case ADDED -> new InformerEvent.Added<>(change.newObject());
            case UPDATED, SYNC, REPLACED -> new InformerEvent.Updated<>(
                    change.oldObject() == null ? change.newObject() : change.oldObject(), change.newObject());
            case DELETED -> new InformerEvent.Deleted<>(change.newObject(), change.finalStateUnknown());
        };
    }

    @Override
    public boolean hasSynced() {
        return hasSynced;
    }

    @Override
    public Mono<Void> synced() {
        return synced.asMono();
    }

    @Override
    public String lastSyncResourceVersion() {
        return reflector.lastSyncResourceVersion();
    }

    @Override
    public Indexer<T> indexer() {
        return indexer;
    }

    @Override
    public Flux<InformerEvent<T>> events(SubscriberOptions options) {
        Objects.requireNonNull(options, "options");
        return Flux.from(subscriber -> {
            Listener<T>[] holder = newHolder();
            Listener<T> listener = new Listener<>(Operators.toCoreSubscriber(subscriber), options, indexer::keyOf,
                    () -> runOnProcessing(() -> listeners.remove(holder[0])));
            holder[0] = listener;
            subscriber.onSubscribe(listener);
            if (lifecycle.get() == Lifecycle.STOPPED) {
                listener.complete();
                return;
            }
            runOnProcessing(() -> {
                if (lifecycle.get() == Lifecycle.STOPPED) {
                    listener.complete();
                    return;
                }
                listeners.add(listener);
                listener.start(indexer.list());
            });
        });
    }

    @SuppressWarnings("unchecked")
    private static <T> Listener<T>[] newHolder() {
        return (Listener<T>[]) new Listener<?>[1];
    }

    @Override
    public Flux<Throwable> errors() {
        return reflector.errors();
    }

    @Override
    public String toString() {
        return "SharedIndexInformer[" + listerWatcher + ", " + lifecycle.get() + ", synced=" + hasSynced + "]";
    }
}
