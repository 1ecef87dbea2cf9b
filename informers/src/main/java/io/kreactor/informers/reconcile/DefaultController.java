package io.kreactor.informers.reconcile;

import io.kreactor.informers.workqueue.RateLimiter;
import io.kreactor.informers.workqueue.WorkQueue;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * The {@link Controller} implementation: sources feed the work queue; the workers are one
 * {@code queue.keys().flatMap(reconcile, maxConcurrentReconciles)} pipeline, so the flatMap's bounded demand
 * is what limits concurrency and keys wait in the queue (where they coalesce) until a worker is free.
 * Stopping shuts the queue down, which completes {@code keys()}; the flatMap then completes once its
 * in-flight reconciles have, and that completion is the controller's termination.
 */
final class DefaultController implements Controller {

    private static final Logger log = LoggerFactory.getLogger(DefaultController.class);

    private static final int NEW = 0;
    private static final int STARTED = 1;
    private static final int DISPOSED = 2;

    private final String name;
    private final Reconciler reconciler;
    private final WorkQueue<String> queue;
    private final int maxConcurrent;
    private final Scheduler scheduler;
    private final Scheduler reconcileScheduler;
    private final Duration reconcileTimeout;
    private final ReconcileErrorHandler errorHandler;
    private final List<ControllerBuilder.Source<?>> sources;
    private final List<Publisher<?>> readiness;

    private final AtomicInteger state = new AtomicInteger(NEW);
    private final Disposable.Composite subscriptions = Disposables.composite();
    private final Sinks.Empty<Void> stopSignal = Sinks.empty();
    private final Sinks.Empty<Void> terminated = Sinks.empty();
    private volatile Disposable workers;

    DefaultController(ControllerBuilder builder) {
        this.name = builder.name;
        this.reconciler = builder.reconciler;
        this.maxConcurrent = builder.maxConcurrentReconciles;
        this.scheduler = builder.scheduler;
        this.reconcileScheduler = builder.reconcileScheduler;
        this.reconcileTimeout = builder.reconcileTimeout;
        this.errorHandler = builder.errorHandler;
        this.sources = List.copyOf(builder.sources);
        this.readiness = List.copyOf(builder.readiness);
        RateLimiter<String> limiter = builder.rateLimiter != null ? builder.rateLimiter
                : RateLimiter.defaultControllerRateLimiter(builder.scheduler);
        this.queue = WorkQueue.<String>builder().name(name).scheduler(builder.scheduler).rateLimiter(limiter)
                .metrics(builder.metrics).build();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public WorkQueue<String> queue() {
        return queue;
    }

    @Override
    public Controller start() {
        if (!state.compareAndSet(NEW, STARTED)) {
            throw new IllegalStateException("controller '" + name + "' was already " + (state.get() == STARTED ? "started" : "stopped")
                    + "; build a new one to run again");
        }
        log.info("controller {}: starting with {} source(s), up to {} concurrent reconcile(s)", name, sources.size(), maxConcurrent);
        sources.forEach(source -> subscriptions.add(subscribe(source)));
        Mono<Void> ready = Mono.when(readiness.stream().map(p -> Mono.from(p).then()).toList())
                .takeUntilOther(stopSignal.asMono());
        workers = ready.thenMany(queue.keys())
                .flatMap(this::reconcileOne, maxConcurrent, 1)
                .subscribe(null, error -> {
                    // Only a readiness gate can fail here (reconcile errors are handled per key): without a
                    // synced cache the controller cannot work, so it stops instead of idling half-alive.
                    log.error("controller {}: a readiness gate failed; stopping", name, error);
                    report(null, error, 0);
                    dispose();
                    terminated.tryEmitEmpty();
                }, () -> {
                    log.info("controller {}: stopped", name);
                    terminated.tryEmitEmpty();
                });
        return this;
    }

    @Override
    public void dispose() {
        int previous = state.getAndSet(DISPOSED);
        if (previous == DISPOSED) {
            return;
        }
        log.info("controller {}: stopping, waiting for in-flight reconciles", name);
        queue.shutDown();
        stopSignal.tryEmitEmpty();
        subscriptions.dispose();
        if (previous == NEW) {
            terminated.tryEmitEmpty();
        }
    }

    @Override
    public boolean isDisposed() {
        return state.get() == DISPOSED;
    }

    @Override
    public Mono<Void> terminated() {
        return terminated.asMono();
    }

    @Override
    public Mono<Void> stop(Duration gracePeriod) {
        Objects.requireNonNull(gracePeriod, "gracePeriod");
        return stop().timeout(gracePeriod, Mono.<Void>fromRunnable(() -> {
            log.warn("controller {}: in-flight reconciles did not finish within {}, cancelling them", name, gracePeriod);
            Disposable running = workers;
            if (running != null) {
                running.dispose();
            }
            terminated.tryEmitEmpty();
        }), scheduler);
    }

    @Override
    public String toString() {
        return "Controller[" + name + ", " + List.of("new", "started", "stopped").get(state.get()) + "]";
    }

    private <E> Disposable subscribe(ControllerBuilder.Source<E> source) {
        return Flux.from(source.events()).subscribe(event -> enqueue(source, event), error -> {
            log.error("controller {}: event source failed and will deliver no more events", name, error);
            report(null, error, 0);
        });
    }

    private <E> void enqueue(ControllerBuilder.Source<E> source, E event) {
        Collection<String> keys;
        try {
            keys = source.keys().apply(event);
        } catch (RuntimeException e) {
            log.error("controller {}: mapping an event to keys failed; the event is skipped", name, e);
            report(null, e, 0);
            return;
        }
        if (keys != null) {
            keys.forEach(key -> {
                if (key != null) {
                    queue.add(key);
                }
            });
        }
    }

    private Mono<Void> reconcileOne(String key) {
        Mono<ReconcileResult> call = Mono.defer(() -> reconciler.reconcile(key)).subscribeOn(reconcileScheduler);
        if (reconcileTimeout != null) {
            call = call.timeout(reconcileTimeout, scheduler);
        }
        return call.defaultIfEmpty(ReconcileResult.done())
                .doOnNext(result -> onResult(key, result))
                .onErrorResume(error -> {
                    onFailure(key, error);
                    return Mono.empty();
                })
                .doFinally(signal -> queue.done(key))
                .then();
    }

    private void onResult(String key, ReconcileResult result) {
        if (result.requeueDelay().isPresent()) {
            queue.forget(key);
            queue.addAfter(key, result.requeueDelay().get());
        } else if (result.isRequeue()) {
            queue.addRateLimited(key);
        } else {
            queue.forget(key);
        }
    }

    private void onFailure(String key, Throwable error) {
        queue.addRateLimited(key);
        int requeues = queue.numRequeues(key);
        log.error("controller {}: reconcile of {} failed (requeue #{})", name, key, requeues, error);
        report(key, error, requeues);
    }

    private void report(String key, Throwable error, int requeues) {
        try {
            errorHandler.onError(name, key, error, requeues);
        } catch (RuntimeException e) {
            log.warn("controller {}: error handler failed", name, e);
        }
    }
}
