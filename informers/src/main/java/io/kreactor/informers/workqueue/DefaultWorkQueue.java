package io.kreactor.informers.workqueue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The {@link WorkQueue} implementation. Every state change is a command put on a lock-free MPSC queue and
 * run by whichever thread wins the work-in-progress counter (the drain loop Reactor's own operators use),
 * so the state below is only ever touched by one thread at a time and no thread ever waits for another.
 * Keys are emitted from the same loop, which also keeps {@code onNext} calls serialized.
 */
final class DefaultWorkQueue<K> implements WorkQueue<K> {

    private static final Logger log = LoggerFactory.getLogger(DefaultWorkQueue.class);

    private final String name;
    private final Scheduler scheduler;
    private final RateLimiter<K> rateLimiter;
    private final WorkQueueMetrics metrics;

    private final Queue<Runnable> commands = Queues.<Runnable>unboundedMultiproducer().get();
    private final AtomicInteger wip = new AtomicInteger();
    private final Sinks.Empty<Void> terminated = Sinks.empty();
    private volatile boolean shutdownRequested;
    private volatile int depth;

    // Drain-loop state. Invariants (as client-go's queue.go): a key is in `queue` iff it is in `dirty` and
    // not in `processing`; `queuedAt` has an entry for every key in `queue`.
    private final ArrayDeque<K> queue = new ArrayDeque<>();
    private final Set<K> dirty = new HashSet<>();
    private final Map<K, Long> processing = new HashMap<>();
    private final Map<K, Long> queuedAt = new HashMap<>();
    private final Map<K, Waiting> waiting = new HashMap<>();
    private final List<KeySubscription> subscribers = new ArrayList<>();
    private int nextSubscriber;
    private boolean shuttingDown;
    private boolean draining;

    /** A key waiting in the delaying part of the queue until {@code readyAtNanos}. */
    private static final class Waiting {
        final long readyAtNanos;
        Disposable timer;

        Waiting(long readyAtNanos) {
            this.readyAtNanos = readyAtNanos;
        }
    }

    DefaultWorkQueue(String name, Scheduler scheduler, RateLimiter<K> rateLimiter, WorkQueueMetrics metrics) {
        this.name = Objects.requireNonNull(name, "name");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void add(K key) {
        Objects.requireNonNull(key, "key");
        if (!shutdownRequested) {
            execute(() -> addNow(key));
        }
    }

    @Override
    public void addAfter(K key, Duration delay) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(delay, "delay");
        if (!shutdownRequested) {
            execute(() -> addAfterNow(key, delay));
        }
    }

    @Override
    public void addRateLimited(K key) {
        Objects.requireNonNull(key, "key");
        if (shutdownRequested) {
            return;
        }
        Duration delay = rateLimiter.when(key);
        execute(() -> {
            if (!shuttingDown) {
                hook(m -> m.retried(name));
            }
            addAfterNow(key, delay);
        });
    }

    @Override
    public void forget(K key) {
        rateLimiter.forget(Objects.requireNonNull(key, "key"));
    }

    @Override
    public int numRequeues(K key) {
        return rateLimiter.numRequeues(Objects.requireNonNull(key, "key"));
    }

    @Override
    public void done(K key) {
        Objects.requireNonNull(key, "key");
        execute(() -> doneNow(key));
    }

    @Override
    public int len() {
        return depth;
    }

    @Override
    public Flux<K> keys() {
        return Flux.from(subscriber -> {
            KeySubscription subscription = new KeySubscription(subscriber);
            subscriber.onSubscribe(subscription);
            execute(() -> register(subscription));
        });
    }

    @Override
    public void shutDown() {
        shutdownRequested = true;
        execute(() -> beginShutdown(false));
    }

    @Override
    public void shutDownWithDrain() {
        shutdownRequested = true;
        execute(() -> beginShutdown(true));
    }

    @Override
    public boolean isShuttingDown() {
        return shutdownRequested;
    }

    @Override
    public Mono<Void> terminated() {
        return terminated.asMono();
    }

    @Override
    public String toString() {
        return "WorkQueue[" + name + ", depth=" + depth + (shutdownRequested ? ", shutting down" : "") + "]";
    }

    // ---- the drain loop ------------------------------------------------------------------------------

    private void execute(Runnable command) {
        commands.offer(command);
        drain();
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            Runnable command;
            while ((command = commands.poll()) != null) {
                try {
                    command.run();
                } catch (RuntimeException e) {
                    log.error("work queue {}: internal command failed", name, e);
                }
            }
            dispatch();
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private long now() {
        return scheduler.now(TimeUnit.NANOSECONDS);
    }

    private void hook(Consumer<WorkQueueMetrics> call) {
        try {
            call.accept(metrics);
        } catch (RuntimeException e) {
            log.warn("work queue {}: metrics hook failed", name, e);
        }
    }

    private void depthChanged() {
        depth = queue.size();
        hook(m -> m.depth(name, depth));
    }

    private void addNow(K key) {
        if (shuttingDown || !dirty.add(key)) {
            return;
        }
        hook(m -> m.added(name));
        if (processing.containsKey(key)) {
            return;
        }
        enqueue(key);
    }

    private void enqueue(K key) {
        queue.addLast(key);
        queuedAt.put(key, now());
        depthChanged();
    }

    private void addAfterNow(K key, Duration delay) {
        if (shuttingDown) {
            return;
        }
        if (delay.isZero() || delay.isNegative()) {
            addNow(key);
            return;
        }
        long readyAt = now() + delay.toNanos();
        Waiting existing = waiting.get(key);
        if (existing != null) {
            if (existing.readyAtNanos <= readyAt) {
                return;
            }
            existing.timer.dispose();
        }
        Waiting entry = new Waiting(readyAt);
        waiting.put(key, entry);
        try {
            entry.timer = scheduler.schedule(() -> execute(() -> fire(key, entry)), delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            // A disposed scheduler rejects the timer; queueing at once beats losing the key.
            waiting.remove(key);
            log.warn("work queue {}: could not schedule a delayed add of {}, adding it now", name, key, e);
            addNow(key);
        }
    }

    private void fire(K key, Waiting entry) {
        if (waiting.get(key) == entry) {
            waiting.remove(key);
            addNow(key);
        }
    }

    private void doneNow(K key) {
        Long startedAt = processing.remove(key);
        if (startedAt == null) {
            return;
        }
        long elapsed = now() - startedAt;
        hook(m -> m.finished(name, Duration.ofNanos(Math.max(0, elapsed))));
        if (dirty.contains(key)) {
            enqueue(key);
        }
        checkTerminated();
    }

    private void register(KeySubscription subscription) {
        if (subscription.cancelled) {
            return;
        }
        if (shuttingDown && (!draining || drained())) {
            subscription.actual.onComplete();
            return;
        }
        subscribers.add(subscription);
    }

    private void beginShutdown(boolean drain) {
        if (shuttingDown && !draining) {
            return;
        }
        shuttingDown = true;
        draining = drain;
        waiting.values().forEach(w -> w.timer.dispose());
        waiting.clear();
        if (!drain) {
            completeSubscribers();
        }
        checkTerminated();
    }

    private boolean drained() {
        return queue.isEmpty() && processing.isEmpty();
    }

    private void checkTerminated() {
        if (!shuttingDown) {
            return;
        }
        if (draining && drained()) {
            completeSubscribers();
        }
        if (processing.isEmpty() && (!draining || queue.isEmpty())) {
            terminated.tryEmitEmpty();
        }
    }

    private void completeSubscribers() {
        List<KeySubscription> toComplete = new ArrayList<>(subscribers);
        subscribers.clear();
        toComplete.forEach(s -> s.actual.onComplete());
    }

    /** Hands queued keys to subscribers with outstanding demand, round-robin. */
    private void dispatch() {
        if (shuttingDown && !draining) {
            return;
        }
        while (!queue.isEmpty()) {
            KeySubscription target = nextWithDemand();
            if (target == null) {
                return;
            }
            K key = queue.pollFirst();
            dirty.remove(key);
            long now = now();
            Long since = queuedAt.remove(key);
            processing.put(key, now);
            depthChanged();
            hook(m -> m.handedOut(name, Duration.ofNanos(since == null ? 0 : Math.max(0, now - since))));
            target.produced();
            target.actual.onNext(key);
        }
    }

    private KeySubscription nextWithDemand() {
        subscribers.removeIf(s -> s.cancelled);
        int n = subscribers.size();
        for (int i = 0; i < n; i++) {
            KeySubscription s = subscribers.get((nextSubscriber + i) % n);
            if (s.requested.get() > 0) {
                nextSubscriber = (nextSubscriber + i + 1) % n;
                return s;
            }
        }
        return null;
    }

    /** One subscriber of {@link #keys()} and its outstanding demand. */
    private final class KeySubscription implements Subscription {
        final Subscriber<? super K> actual;
        final AtomicLong requested = new AtomicLong();
        volatile boolean cancelled;

        KeySubscription(Subscriber<? super K> actual) {
            this.actual = actual;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                cancelled = true;
                execute(() -> actual.onError(new IllegalArgumentException("§3.9: request must be positive, got " + n)));
                return;
            }
            requested.getAndUpdate(r -> Operators.addCap(r, n));
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            drain();
        }

        void produced() {
            if (requested.get() != Long.MAX_VALUE) {
                requested.decrementAndGet();
            }
        }
    }
}
