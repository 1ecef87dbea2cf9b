package io.kreactor.informers.store;

import io.kreactor.informers.reflector.ReflectorEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.BaseSubscriber;

/**
 * The bounded, in-order queue between a {@link io.kreactor.informers.reflector.Reflector} and the cache,
 * with the semantics of client-go's {@code RealFIFO} (the in-order FIFO with atomic replace that
 * {@code InOrderInformers} made the default), under the name users know.
 *
 * <ul>
 *   <li>Order: items leave in exactly the order the Reflector produced them. Nothing is merged per key: an
 *       ADDED then UPDATED then DELETED of one object are three items.</li>
 *   <li>Atomic replace: a relist becomes one {@link ReplaceAll} item that {@link Indexer#apply} turns into
 *       one snapshot swap, yielding tombstones for keys that vanished while no watch was open.</li>
 *   <li>Bounded, with backpressure instead of growth: the FIFO requests from the Reflector only as many
 *       events as it has free slots ({@code capacity} in all), handing freed slots back in batches. When it
 *       is full it requests nothing more, the Reflector stops requesting from its watch, and Reactor Netty
 *       stops reading the socket; the server
 *       may eventually drop the slow watch, and the Reflector resumes or relists without losing any final
 *       state. A BOOKMARK takes no slot (it changes nothing in the cache).</li>
 *   <li>The transform runs on every object as it enters the queue, so a trimmed object is what is queued
 *       and cached (client-go's {@code TransformFunc}).</li>
 * </ul>
 *
 * <p>One producer ({@link #consume}) and one consumer ({@link #poll}). The consumer is told that items are
 * available through the {@code onAvailable} callback, which must not block (typically it schedules a drain
 * on the consumer's own worker).
 *
 * @param <T> the object type
 */
public final class DeltaFIFO<T> implements Disposable {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaFIFO.class);

    private final int capacity;
    /** Freed slots are handed back upstream in batches of this many (a quarter of the capacity, at least 1). */
    private final int replenish;
    private final UnaryOperator<T> transform;
    private final Runnable onAvailable;
    /**
     * Invariant: {@code queue.size() == size} and {@code size + demand outstanding upstream + freed == capacity}.
     */
    private final Queue<FifoItem<T>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Intake intake = new Intake();
    /** Slots freed by {@link #poll} and not yet requested again; touched only by the one consumer. */
    private int freed;

    /**
     * Creates an empty FIFO.
     *
     * @param capacity    the most items it holds (at least 1)
     * @param transform   applied to every object entering the queue; {@code UnaryOperator.identity()} for none
     * @param onAvailable called (on the producer's thread) after each item is queued
     */
    public DeltaFIFO(int capacity, UnaryOperator<T> transform, Runnable onAvailable) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.replenish = Math.max(1, capacity / 4);
        this.transform = Objects.requireNonNull(transform, "transform");
        this.onAvailable = Objects.requireNonNull(onAvailable, "onAvailable");
    }

    /**
     * Starts taking events from {@code reflector}, at most {@link #capacity()} ahead of the consumer.
     *
     * @throws IllegalStateException when called twice
     */
    public void consume(Publisher<ReflectorEvent<T>> reflector) {
        if (!subscribed.compareAndSet(false, true)) {
            throw new IllegalStateException("this DeltaFIFO already consumes a Reflector");
        }
        reflector.subscribe(intake);
    }

    /**
     * Takes the oldest item, or null when the queue is empty; frees its slot for the Reflector. Freed slots are
     * requested again a quarter of the capacity at a time (as Reactor's {@code limitRate} replenishes): a request
     * per item would cross from the consumer's thread to the watch's for every event. It cannot stall: while fewer
     * than a batch are freed, the rest of the capacity is still requested or queued.
     */
    public FifoItem<T> poll() {
        FifoItem<T> item = queue.poll();
        if (item != null) {
            size.decrementAndGet();
            if (++freed >= replenish) {
                int n = freed;
                freed = 0;
                intake.request(n);
            }
        }
        return item;
    }

    /** The number of queued items. */
    public int size() {
        return size.get();
    }

    /** The most items this FIFO holds. */
    public int capacity() {
        return capacity;
    }

    /** True when no slot is free, so nothing is being requested from the Reflector. */
    public boolean isFull() {
        return size.get() >= capacity;
    }

    /** Stops consuming: cancels the Reflector (closing its list or watch). Queued items stay pollable. */
    @Override
    public void dispose() {
        intake.dispose();
    }

    @Override
    public boolean isDisposed() {
        return intake.isDisposed();
    }

    private FifoItem<T> toItem(ReflectorEvent<T> event) {
        if (event instanceof ReflectorEvent.Replace<T> r) {
            List<Delta<T>> deltas = new ArrayList<>(r.objects().size());
            for (T o : r.objects()) {
                deltas.add(new Delta<>(DeltaType.REPLACED, transformed(o)));
            }
            return new ReplaceAll<>(deltas, r.resourceVersion());
        }
        if (event instanceof ReflectorEvent.Added<T> a) {
            return new Delta<>(DeltaType.ADDED, transformed(a.object()));
        }
        if (event instanceof ReflectorEvent.Modified<T> m) {
            return new Delta<>(DeltaType.UPDATED, transformed(m.object()));
        }
        if (event instanceof ReflectorEvent.Deleted<T> d) {
            return new Delta<>(DeltaType.DELETED, transformed(d.object()));
        }
        return null; // a Bookmark: progress only
    }

    private T transformed(T object) {
        try {
            T t = transform.apply(object);
            return t == null ? object : t;
        } catch (RuntimeException e) {
            LOG.warn("transform failed on a {}; caching it untransformed: {}", object.getClass().getSimpleName(), e.toString());
            return object;
        }
    }

    private final class Intake extends BaseSubscriber<ReflectorEvent<T>> {
        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            subscription.request(capacity);
        }

        @Override
        protected void hookOnNext(ReflectorEvent<T> event) {
            FifoItem<T> item = toItem(event);
            if (item == null) {
                request(1);
                return;
            }
            queue.offer(item);
            size.incrementAndGet();
            onAvailable.run();
        }

        @Override
        protected void hookOnError(Throwable error) {
            // A Reflector never fails; this is a bug upstream, so make it loud.
            LOG.error("the Reflector feeding a DeltaFIFO failed; the cache stops following the server", error);
        }
    }
}
