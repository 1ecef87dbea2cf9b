package io.kreactor.informers.informer;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Scheduler;

/**
 * One subscriber of an informer with its own buffer, demand and worker. The informer's processing loop
 * offers events (never blocking, never waiting for this subscriber); a drain on this subscriber's worker
 * delivers them as the subscriber requests.
 *
 * <p>Buffer: the initial cache contents are served from the snapshot list taken at registration (not counted
 * against {@code bufferSize}); later events queue in order, at most {@code bufferSize} of them, or — in
 * latest-per-key mode — coalesce into one pending event per key.
 */
final class Listener<T> implements Subscription, Runnable {

    private final CoreSubscriber<? super InformerEvent<T>> actual;
    private final SubscriberOptions options;
    private final Function<T, String> keyOf;
    private final Scheduler.Worker worker;
    private final Runnable onCancel;

    // Guarded by this: written by the informer's processing loop, read by the drain.
    private Iterator<T> initial;
    private final ArrayDeque<InformerEvent<T>> pending = new ArrayDeque<>();
    private final LinkedHashMap<String, InformerEvent<T>> latest = new LinkedHashMap<>();
    private Throwable error;
    private boolean completed;

    private final AtomicLong requested = new AtomicLong();
    private final AtomicInteger wip = new AtomicInteger();
    private volatile boolean cancelled;
    private boolean terminated;

    Listener(CoreSubscriber<? super InformerEvent<T>> actual, SubscriberOptions options, Function<T, String> keyOf, Runnable onCancel) {
        this.actual = actual;
        this.options = options;
        this.keyOf = keyOf;
        this.worker = options.scheduler().createWorker();
        this.onCancel = onCancel;
    }

    SubscriberOptions options() {
        return options;
    }

    /** Called once, by the processing loop, with the cache contents at registration. */
    void start(List<T> snapshot) {
        synchronized (this) {
            if (options.latestPerKey()) {
                for (T o : snapshot) {
                    latest.put(keyOf.apply(o), new InformerEvent.Added<>(o));
                }
            } else {
                initial = snapshot.iterator();
            }
        }
        schedule();
    }

    /** Called by the processing loop for every change; never blocks. */
    void offer(InformerEvent<T> event) {
        synchronized (this) {
            if (error != null || completed || cancelled) {
                return;
            }
            if (options.latestPerKey()) {
                coalesce(event);
            } else if (pending.size() >= options.bufferSize()) {
                pending.clear();
                initial = null;
                error = new SubscriberOverflowException(options.bufferSize());
            } else {
                pending.add(event);
            }
        }
        schedule();
    }

    /** Called when the informer stops: deliver what is buffered, then complete. */
    void complete() {
        synchronized (this) {
            completed = true;
        }
        schedule();
    }

    private void coalesce(InformerEvent<T> event) {
        String key = keyOf.apply(event.object());
        InformerEvent<T> before = latest.get(key);
        if (before == null) {
            latest.put(key, event);
            return;
        }
        InformerEvent<T> merged;
        if (event instanceof InformerEvent.Deleted<T>) {
            // The subscriber never saw an object whose Added is still pending: nothing to tell it.
            merged = before instanceof InformerEvent.Added<T> ? null : event;
        } else if (before instanceof InformerEvent.Added<T>) {
            merged = new InformerEvent.Added<>(event.object());
        } else if (before instanceof InformerEvent.Updated<T> u) {
            merged = new InformerEvent.Updated<>(u.oldObject(), event.object());
        } else {
            // Deleted, then present again: the subscriber last saw the deleted state.
            merged = new InformerEvent.Updated<>(before.object(), event.object());
        }
        if (merged == null) {
            latest.remove(key);
        } else {
            latest.put(key, merged);
        }
    }

    private synchronized InformerEvent<T> next() {
        if (initial != null) {
            if (initial.hasNext()) {
                return new InformerEvent.Added<>(initial.next());
            }
            initial = null;
        }
        if (options.latestPerKey()) {
            Iterator<InformerEvent<T>> it = latest.values().iterator();
            if (it.hasNext()) {
                InformerEvent<T> e = it.next();
                it.remove();
                return e;
            }
            return null;
        }
        return pending.poll();
    }

    private synchronized boolean isEmpty() {
        return (initial == null || !initial.hasNext()) && pending.isEmpty() && latest.isEmpty();
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            requested.getAndUpdate(r -> Operators.addCap(r, n));
            schedule();
        }
    }

    @Override
    public void cancel() {
        if (!cancelled) {
            cancelled = true;
            onCancel.run();
            schedule();
        }
    }

    private void schedule() {
        if (wip.getAndIncrement() == 0) {
            try {
                worker.schedule(this);
            } catch (RejectedExecutionException e) {
                cancelled = true;
            }
        }
    }

    /** The drain: runs on this subscriber's worker only, one at a time. */
    @Override
    public void run() {
        int missed = 1;
        for (;;) {
            if (terminated) {
                return;
            }
            if (cancelled) {
                terminate();
                return;
            }
            long r = requested.get();
            long emitted = 0;
            Throwable failure;
            synchronized (this) {
                failure = error;
            }
            if (failure != null) {
                actual.onError(failure);
                terminate();
                return;
            }
            while (emitted != r && !cancelled) {
                InformerEvent<T> e = next();
                if (e == null) {
                    break;
                }
                actual.onNext(e);
                emitted++;
            }
            if (emitted != 0 && r != Long.MAX_VALUE) {
                requested.addAndGet(-emitted);
            }
            boolean done;
            synchronized (this) {
                done = completed && error == null;
            }
            if (done && isEmpty() && !cancelled) {
                actual.onComplete();
                terminate();
                return;
            }
            missed = wip.addAndGet(-missed);
            if (missed == 0) {
                return;
            }
        }
    }

    private void terminate() {
        terminated = true;
        if (!cancelled) {
            // Ended by an error or completion: leave the informer's listener list too.
            cancelled = true;
            onCancel.run();
        }
        worker.dispose();
    }
}
