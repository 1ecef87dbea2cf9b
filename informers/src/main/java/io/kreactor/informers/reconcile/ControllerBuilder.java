package io.kreactor.informers.reconcile;

import io.kreactor.informers.workqueue.RateLimiter;
import io.kreactor.informers.workqueue.WorkQueueMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Describes a {@link Controller}. Defaults follow controller-runtime: one concurrent reconcile, client-go's
 * default controller rate limiter (5 ms → 1000 s per key, 10 qps / burst 100 overall), no reconcile timeout.
 * Timing (delays, backoff, timeouts) uses {@link #scheduler(Scheduler)} ({@link Schedulers#parallel()} by
 * default); reconcilers are invoked on {@link #reconcileScheduler(Scheduler)} (also parallel by default:
 * reconcilers must not block).
 */
public final class ControllerBuilder {

    /** One event source and how its elements map to keys. */
    record Source<E>(Publisher<E> events, Function<? super E, ? extends Collection<String>> keys) {
    }

    final String name;
    final List<Source<?>> sources = new ArrayList<>();
    final List<Publisher<?>> readiness = new ArrayList<>();
    Reconciler reconciler;
    int maxConcurrentReconciles = 1;
    RateLimiter<String> rateLimiter;
    Scheduler scheduler = Schedulers.parallel();
    Scheduler reconcileScheduler = Schedulers.parallel();
    Duration reconcileTimeout;
    ReconcileErrorHandler errorHandler = ReconcileErrorHandler.NONE;
    WorkQueueMetrics metrics = WorkQueueMetrics.NONE;

    ControllerBuilder(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("controller name must not be blank");
        }
        this.name = name;
    }

    /**
     * Watches an event source: every element is mapped to zero or more keys, each added to the work queue.
     * Use it with an informer's event {@code Flux} and a function from the event to keys — the object's own
     * key ({@link KeyMappers#objectKey()}), its controlling owner's ({@link KeyMappers#controllerOwner}), or
     * anything else. Filter the source first to ignore events (controller-runtime's predicates). The source
     * is requested without bound — adding a key is cheap and the queue coalesces, so memory stays bounded
     * by the number of keys.
     */
    public <E> ControllerBuilder watches(Publisher<E> events, Function<? super E, ? extends Collection<String>> keys) {
        sources.add(new Source<>(Objects.requireNonNull(events, "events"), Objects.requireNonNull(keys, "keys")));
        return this;
    }

    /**
     * Holds back the workers until {@code ready} completes (or emits), such as an informer's "has synced"
     * signal, so the first reconciles see a full cache. Events arriving meanwhile are queued and coalesced.
     * If a gate fails, the failure is reported to the error handler and the controller stops.
     */
    public ControllerBuilder waitFor(Publisher<?> ready) {
        readiness.add(Objects.requireNonNull(ready, "ready"));
        return this;
    }

    /** The reconciler; required. */
    public ControllerBuilder reconciler(Reconciler reconciler) {
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
        return this;
    }

    /** How many different keys may be reconciled at the same time (default 1). */
    public ControllerBuilder maxConcurrentReconciles(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("maxConcurrentReconciles must be at least 1, got " + max);
        }
        this.maxConcurrentReconciles = max;
        return this;
    }

    /** The rate limiter for requeues and failures; client-go's default controller limiter otherwise. */
    public ControllerBuilder rateLimiter(RateLimiter<String> rateLimiter) {
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        return this;
    }

    /** The scheduler for timing and as the clock; a {@code VirtualTimeScheduler} in tests. */
    public ControllerBuilder scheduler(Scheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        return this;
    }

    /** The scheduler reconcilers are invoked on. */
    public ControllerBuilder reconcileScheduler(Scheduler scheduler) {
        this.reconcileScheduler = Objects.requireNonNull(scheduler, "reconcileScheduler");
        return this;
    }

    /** Fails (and retries with backoff) a reconcile that takes longer than {@code timeout}; none by default. */
    public ControllerBuilder reconcileTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("reconcileTimeout must be positive, got " + timeout);
        }
        this.reconcileTimeout = timeout;
        return this;
    }

    /** Told about every reconcile and source failure, after it was logged. */
    public ControllerBuilder errorHandler(ReconcileErrorHandler handler) {
        this.errorHandler = Objects.requireNonNull(handler, "errorHandler");
        return this;
    }

    /** Metrics hooks for the controller's work queue. */
    public ControllerBuilder metrics(WorkQueueMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    /**
     * Builds the controller (not yet started).
     *
     * @throws IllegalStateException when no reconciler was set
     */
    public Controller build() {
        if (reconciler == null) {
            throw new IllegalStateException("controller '" + name + "' has no reconciler");
        }
        return new DefaultController(this);
    }
}
