package io.kreactor.informers.workqueue;

import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A rate-limited, delaying work queue with client-go's {@code workqueue} guarantees, consumed as a
 * backpressured {@link Flux} of keys instead of a blocking {@code Get()}.
 *
 * <ul>
 *   <li><b>Coalescing</b>: a key added several times before it is handed out is handed out once.</li>
 *   <li><b>Exclusive processing</b>: a handed-out key is <em>processing</em> until {@link #done} is called
 *       with it; it is never handed out again meanwhile. If it is added again while processing, it is
 *       marked dirty and queued once more when {@code done} is called, so no change is lost.</li>
 *   <li><b>Fairness</b>: keys are handed out in the order they were first queued.</li>
 *   <li><b>Delays</b>: {@link #addAfter} queues a key later; a key already waiting keeps the earlier of its
 *       two ready times, as client-go's delaying queue does.</li>
 *   <li><b>Rate limiting</b>: {@link #addRateLimited} queues a key after the delay its {@link RateLimiter}
 *       says; {@link #forget} resets the key's backoff once it was processed successfully.</li>
 * </ul>
 *
 * <p>{@link #keys()} honours demand: a key is handed out only when a subscriber has requested one, so keys
 * wait (and coalesce) in the queue rather than in operator buffers. With {@code flatMap(work, n)} at most
 * {@code n} keys are processing at a time — client-go's {@code n} worker goroutines. Several subscribers may
 * consume at once; each key goes to exactly one of them.
 *
 * <pre>{@code
 * WorkQueue<String> queue = WorkQueue.<String>builder().name("pods").build();
 * queue.keys()
 *      .flatMap(key -> reconcile(key)
 *              .doOnSuccess(ok -> queue.forget(key))
 *              .onErrorResume(e -> { queue.addRateLimited(key); return Mono.empty(); })
 *              .doFinally(s -> queue.done(key)), 4)
 *      .subscribe();
 * }</pre>
 *
 * <p>Thread-safe and non-blocking: every method may be called from any thread and returns at once; state
 * changes are serialized internally without locks. All timing (delays, backoff, the token bucket) uses the
 * queue's {@link Scheduler}, so tests drive it with virtual time.
 *
 * @param <K> the key type (usually a {@code namespace/name} string); needs {@code equals}/{@code hashCode}
 */
public interface WorkQueue<K> {

    /** Starts building a queue. */
    static <K> Builder<K> builder() {
        return new Builder<>();
    }

    /** The name given to the builder, used in logs and metrics. */
    String name();

    /** Queues {@code key} unless it is already queued; ignored after shut-down. */
    void add(K key);

    /**
     * Queues {@code key} after {@code delay} (at once when the delay is zero or negative). If the key is
     * already waiting, the earlier ready time wins. Ignored after shut-down; waiting keys are dropped by it.
     */
    void addAfter(K key, Duration delay);

    /** Queues {@code key} after the delay the rate limiter returns for it (client-go's {@code AddRateLimited}). */
    void addRateLimited(K key);

    /** Resets {@code key}'s backoff in the rate limiter; call it when the key was processed successfully. */
    void forget(K key);

    /** How many times {@code key} was re-queued through the rate limiter since it was last forgotten. */
    int numRequeues(K key);

    /**
     * Marks {@code key} as no longer processing. If it was added again meanwhile it is queued now. Calling
     * it for a key that is not processing does nothing.
     */
    void done(K key);

    /** The number of keys waiting to be handed out (not counting processing or delayed keys). */
    int len();

    /**
     * The keys, handed out one per requested element; each is then processing until {@link #done}. The
     * flux completes when the queue shuts down (at once for {@link #shutDown()}, once drained for
     * {@link #shutDownWithDrain()}). Cancelling stops handing keys to that subscriber; keys it already
     * received must still be marked {@code done}.
     */
    Flux<K> keys();

    /**
     * Shuts the queue down: new adds are ignored, delayed keys are dropped, no further key is handed out
     * and every {@link #keys()} subscriber completes. Keys already handed out may finish and be marked
     * {@code done}; {@link #terminated()} completes once they all have.
     */
    void shutDown();

    /**
     * Shuts the queue down after draining it, client-go's {@code ShutDownWithDrain}: new adds are ignored
     * and delayed keys dropped, but keys already queued are still handed out (and re-queued when they were
     * dirty at {@code done}); the {@link #keys()} subscribers complete, and {@link #terminated()} completes,
     * once nothing is queued or processing.
     */
    void shutDownWithDrain();

    /** True once {@link #shutDown()} or {@link #shutDownWithDrain()} was called. */
    boolean isShuttingDown();

    /** Completes once the queue has shut down and no key is processing any more. */
    Mono<Void> terminated();

    /**
     * Builds a {@link WorkQueue}. Defaults: name {@code "workqueue"}, the {@link Schedulers#parallel()}
     * scheduler for timing, {@link RateLimiter#defaultControllerRateLimiter} on that scheduler, no metrics.
     *
     * @param <K> the key type
     */
    final class Builder<K> {
        private String name = "workqueue";
        private Scheduler scheduler = Schedulers.parallel();
        private RateLimiter<K> rateLimiter;
        private WorkQueueMetrics metrics = WorkQueueMetrics.NONE;

        private Builder() {
        }

        /** Names the queue for logs and metrics. */
        public Builder<K> name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** The scheduler used for delays and as the clock; use a {@code VirtualTimeScheduler} in tests. */
        public Builder<K> scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The limiter {@link WorkQueue#addRateLimited} consults; by default client-go's controller limiter. */
        public Builder<K> rateLimiter(RateLimiter<K> rateLimiter) {
            this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
            return this;
        }

        /** Metrics hooks; none by default. */
        public Builder<K> metrics(WorkQueueMetrics metrics) {
            this.metrics = Objects.requireNonNull(metrics, "metrics");
            return this;
        }

        /** Builds the queue. */
        public WorkQueue<K> build() {
            RateLimiter<K> limiter = rateLimiter != null ? rateLimiter : RateLimiter.defaultControllerRateLimiter(scheduler);
            return new DefaultWorkQueue<>(name, scheduler, limiter, metrics);
        }
    }
}
