package io.kreactor.rest.codec;

import io.netty.buffer.ByteBuf;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import java.util.function.Consumer;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.Exceptions;
import reactor.core.Scannable;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;
import reactor.util.context.Context;

/**
 * One subscription of a {@link DecodingFlux} (which describes demand, buffers, parallel binding and errors): the
 * scanner is touched only by upstream signals, the queue is drained by one thread at a time.
 *
 * @param <R> the element type
 */
final class DecodingSubscriber<R> implements CoreSubscriber<ByteBuf>, Subscription, Scannable {

    private final CoreSubscriber<? super R> actual;
    private final JsonBodyScanner<R> scanner;
    /**
     * Every delimited value not yet emitted, in body order. Single producer (upstream signals, serialized),
     * single consumer (the drain loop, serialized by wip).
     */
    private final Queue<PendingValue<R>> ready = Queues.<PendingValue<R>>unbounded(32).get();
    private final Consumer<PendingValue<R>> sink;
    private final ParallelBinding binding;
    /** With parallel binding: the values of {@link #ready} no task has taken yet (one producer, many consumers). */
    private final Queue<PendingValue<R>> unbound;

    private volatile int binders;
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<DecodingSubscriber> BINDERS =
            AtomicIntegerFieldUpdater.newUpdater(DecodingSubscriber.class, "binders");

    private Subscription upstream;

    private volatile long requested;
    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<DecodingSubscriber> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(DecodingSubscriber.class, "requested");

    private volatile int wip;
    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<DecodingSubscriber> WIP =
            AtomicIntegerFieldUpdater.newUpdater(DecodingSubscriber.class, "wip");

    /** True from requesting a chunk until it (or a terminal signal) arrives; at most one is outstanding. */
    private volatile boolean chunkRequested;
    private volatile boolean done;
    private volatile boolean cancelled;
    private Throwable error;

    DecodingSubscriber(CoreSubscriber<? super R> actual, JsonBodyScanner<R> scanner, ParallelBinding binding) {
        this.actual = actual;
        this.scanner = scanner;
        this.binding = binding;
        if (binding.isParallel()) {
            // values are bound after later chunks were scanned: each keeps its chunk's array, never a copy
            scanner.poolChunkArrays();
            this.unbound = new ConcurrentLinkedQueue<>();
            this.sink = this::offerForBinding;
        } else {
            this.unbound = null;
            this.sink = ready::offer;
        }
    }

    @Override
    public Context currentContext() {
        return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
        if (Operators.validate(upstream, s)) {
            upstream = s;
            actual.onSubscribe(this);
        }
    }

    @Override
    public void onNext(ByteBuf chunk) {
        if (done || cancelled) {
            return;
        }
        if (!chunkRequested) {
            upstream.cancel();
            terminate(Exceptions.failWithOverflow("The response body delivered a chunk that was not requested"));
            return;
        }
        try {
            scanner.feed(chunk, sink);
        } catch (Throwable e) {
            // JVM-fatal errors included, as in drain(): the subscriber must learn the body cannot be decoded
            upstream.cancel();
            terminate(e);
            return;
        }
        chunkRequested = false;
        drain();
    }

    @Override
    public void onError(Throwable t) {
        if (done) {
            Operators.onErrorDropped(t, actual.currentContext());
            return;
        }
        terminate(t);
    }

    @Override
    public void onComplete() {
        if (done) {
            return;
        }
        try {
            scanner.finish(sink);
        } catch (Throwable e) {
            terminate(e);
            return;
        }
        terminate(null);
    }

    /** Ends the stream once the queue is drained: with {@code e}, or normally when it is null. */
    private void terminate(Throwable e) {
        error = e;
        done = true;
        drain();
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            Operators.addCap(REQUESTED, this, n);
            drain();
        }
    }

    @Override
    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        upstream.cancel();
        if (WIP.getAndIncrement(this) == 0) {
            clearQueues();
        }
    }

    /**
     * With parallel binding: queues {@code value} for emission and for a binding task, starting one if fewer
     * than the allowed number are running. The bytes are in a pooled chunk array that the value holds
     * ({@link JsonBodyScanner#poolChunkArrays()}), so the next chunk may be scanned before a task gets to them.
     */
    private void offerForBinding(PendingValue<R> value) {
        ready.offer(value);
        unbound.offer(value);
        if (tryAddBinder()) {
            try {
                binding.scheduler().schedule(this::bindValues);
            } catch (RuntimeException rejected) {
                BINDERS.decrementAndGet(this);
                // no task will bind what is queued: each such value fails in its turn, so the values bound
                // before it are still emitted and the stream then ends with the rejection
                for (PendingValue<R> orphan; (orphan = unbound.poll()) != null; ) {
                    orphan.fail(rejected);
                }
            }
        }
    }

    private boolean tryAddBinder() {
        for (;;) {
            int running = binders;
            if (running >= binding.parallelism()) {
                return false;
            }
            if (BINDERS.compareAndSet(this, running, running + 1)) {
                return true;
            }
        }
    }

    /**
     * One binding task: binds queued values (in any order relative to the other tasks; {@link #ready} keeps
     * body order) and drains after each, so a value is emitted as soon as it and those before it are bound.
     * After {@link ParallelBinding#VALUES_PER_TASK} values it reschedules itself, so a long LIST never holds
     * a shared worker (and the timers queued on it) for its whole duration.
     */
    private void bindValues() {
        for (int bound = 0; ; ) {
            if (bound == ParallelBinding.VALUES_PER_TASK) {
                try {
                    binding.scheduler().schedule(this::bindValues);
                    return;
                } catch (RuntimeException rejected) {
                    // the scheduler is shutting down: finish this response here rather than strand it
                    bound = 0;
                }
            }
            PendingValue<R> value = unbound.poll();
            if (value == null) {
                BINDERS.decrementAndGet(this);
                // a value offered between the poll and the decrement saw this task as running: take it over
                if (unbound.isEmpty() || !tryAddBinder()) {
                    return;
                }
                continue;
            }
            if (!cancelled) {
                value.bind();
                bound++;
                drain();
            }
        }
    }

    private void drain() {
        if (WIP.getAndIncrement(this) != 0) {
            return;
        }
        int missed = 1;
        for (;;) {
            long demand = requested;
            long emitted = 0;
            while (emitted != demand) {
                if (cancelled) {
                    clearQueues();
                    return;
                }
                PendingValue<R> next = ready.peek();
                if (next == null || (unbound != null && !next.isBound())) {
                    // with parallel binding, the task that binds the head drains again
                    break;
                }
                ready.poll();
                R value;
                try {
                    value = unbound != null ? next.take() : next.decode();
                } catch (Throwable e) {
                    // signalled even when JVM-fatal: thrown from here it would leave wip set and the
                    // subscriber waiting forever, and a response that cannot be decoded is this stream's end
                    failWhileDraining(e);
                    return;
                }
                actual.onNext(value);
                emitted++;
            }
            if (cancelled) {
                clearQueues();
                return;
            }
            // done before emptiness: a value offered just before done was set (by the scanner's finish at the
            // end of the body) is then seen by the emptiness check, never completed past
            boolean finished = done;
            if (ready.isEmpty()) {
                if (finished) {
                    cancelled = true;
                    Throwable e = error;
                    if (e != null) {
                        actual.onError(e);
                    } else {
                        actual.onComplete();
                    }
                    return;
                }
            }
            if (!done && !chunkRequested && ready.size() < Math.min(demand - emitted, binding.readAhead())) {
                chunkRequested = true;
                upstream.request(1);
            }
            if (emitted != 0 && demand != Long.MAX_VALUE) {
                REQUESTED.addAndGet(this, -emitted);
            }
            missed = WIP.addAndGet(this, -missed);
            if (missed == 0) {
                return;
            }
        }
    }

    /** A value failed to bind: stop reading, drop what is queued, report the failure. */
    private void failWhileDraining(Throwable e) {
        cancelled = true;
        upstream.cancel();
        clearQueues();
        actual.onError(e);
    }

    /** Drops the values not yet emitted; called by the draining thread only (binding tasks just skip). */
    private void clearQueues() {
        ready.clear();
        if (unbound != null) {
            unbound.clear();
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Object scanUnsafe(Attr key) {
        if (key == Attr.PARENT) {
            return upstream;
        }
        if (key == Attr.ACTUAL) {
            return actual;
        }
        if (key == Attr.REQUESTED_FROM_DOWNSTREAM) {
            return requested;
        }
        if (key == Attr.BUFFERED) {
            return ready.size();
        }
        if (key == Attr.TERMINATED) {
            return done && ready.isEmpty();
        }
        if (key == Attr.CANCELLED) {
            return cancelled;
        }
        if (key == Attr.RUN_STYLE) {
            return unbound != null ? Attr.RunStyle.ASYNC : Attr.RunStyle.SYNC;
        }
        return null;
    }
}
