package io.kreactor.informers.informer;

import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.informers.ListerWatcher;
import io.kreactor.informers.store.IndexFunction;
import io.kreactor.informers.store.Indexer;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A cache of one collection kept in step with the API server and shared by any number of subscribers —
 * client-go's {@code SharedIndexInformer}: a Reflector lists and watches, a bounded {@code DeltaFIFO}
 * carries the changes in order, an {@link Indexer} holds the state, and every change is handed to every
 * subscriber.
 *
 * <p>Guarantees:
 * <ul>
 *   <li>{@link #hasSynced()} turns true only once the first complete list has been applied to the cache.</li>
 *   <li>Each subscriber of {@link #events()} first receives the cache's current contents as
 *       {@link InformerEvent.Added}, then every later change, in order.</li>
 *   <li>A relist (after 410 Gone) is applied atomically; an object deleted while no watch was open is
 *       reported as {@link InformerEvent.Deleted} with its last known state ({@code finalStateUnknown}).</li>
 *   <li>Each subscriber has its own bounded buffer and its own scheduler: a slow subscriber never stalls the
 *       others, the cache or the watch. One that overflows its buffer gets {@link SubscriberOverflowException}
 *       (never a silent gap); a latest-per-key subscriber's memory is bounded by the number of keys.</li>
 *   <li>With a resync period, every cached object is periodically re-delivered as {@code Updated(o, o)}.</li>
 * </ul>
 *
 * <p>Configure (indexers, transform) before {@link #start()}; subscribe before or after it.
 *
 * @param <T> the object type
 */
public interface SharedIndexInformer<T> {

    /** An informer over {@code listerWatcher}, keyed {@code namespace/name}. */
    static <T> SharedIndexInformer<T> create(ListerWatcher<T> listerWatcher, MetadataAccessor<T> accessor, InformerConfig config) {
        return new DefaultSharedIndexInformer<>(listerWatcher, accessor, Indexer.create(accessor), config);
    }

    /** An informer over {@code listerWatcher} whose cache is keyed by {@code keyFunction}. */
    static <T> SharedIndexInformer<T> create(ListerWatcher<T> listerWatcher, MetadataAccessor<T> accessor,
                                             Function<T, String> keyFunction, InformerConfig config) {
        return new DefaultSharedIndexInformer<>(listerWatcher, accessor, Indexer.create(accessor, keyFunction), config);
    }

    /**
     * Adds named index functions to the cache.
     *
     * @throws IllegalStateException once the informer has started
     */
    SharedIndexInformer<T> addIndexers(Map<String, IndexFunction<T>> indexers);

    /**
     * Sets the transform applied to every object before it is cached (for example
     * {@link io.kreactor.informers.store.Transforms#dropManagedFields(Class)}). It may change the object it is
     * given, except through {@code setAdditionalProperty}: objects decoded for the cache share one immutable
     * empty {@code additionalProperties} map (return a builder copy to add one).
     *
     * @throws IllegalStateException once the informer has started
     */
    SharedIndexInformer<T> setTransform(UnaryOperator<T> transform);

    /**
     * Starts listing and watching. Dispose the result to stop: the watch is closed, timers stop, and every
     * subscriber's {@code Flux} completes.
     *
     * @throws IllegalStateException when already started
     */
    Disposable start();

    /** True once the first complete list has been applied to the cache. */
    boolean hasSynced();

    /** Completes when {@link #hasSynced()} turns true; fails if the informer is stopped before that. */
    Mono<Void> synced();

    /** The resourceVersion of the latest list, change or bookmark seen from the server, {@code ""} before any. */
    String lastSyncResourceVersion();

    /** The cache (read it; do not write to it). */
    Indexer<T> indexer();

    /** {@link #events(SubscriberOptions)} with {@link SubscriberOptions#DEFAULT}. */
    default Flux<InformerEvent<T>> events() {
        return events(SubscriberOptions.DEFAULT);
    }

    /**
     * The cache's contents as {@link InformerEvent.Added}, then every change, delivered on
     * {@code options.scheduler()}. Completes when the informer stops; fails only with
     * {@link SubscriberOverflowException}. Each subscription is a new, independent subscriber.
     */
    Flux<InformerEvent<T>> events(SubscriberOptions options);

    /** Every error the Reflector recovered from (hot). */
    Flux<Throwable> errors();
}
