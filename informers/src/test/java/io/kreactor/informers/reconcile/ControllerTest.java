package io.kreactor.informers.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class ControllerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final Sinks.Many<String> events = Sinks.many().multicast().onBackpressureBuffer();

    /** A reconciler whose calls stay in flight until the test completes them. */
    private static final class PendingReconciler implements Reconciler {
        final List<String> started = new CopyOnWriteArrayList<>();
        final Map<String, Sinks.One<ReconcileResult>> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger concurrent = new AtomicInteger();
        final AtomicInteger maxConcurrent = new AtomicInteger();

        @Override
        public Mono<ReconcileResult> reconcile(String key) {
            started.add(key);
            Sinks.One<ReconcileResult> sink = Sinks.one();
            assertThat(inFlight.putIfAbsent(key, sink)).as("%s reconciled concurrently", key).isNull();
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            Runnable finished = () -> {
                concurrent.decrementAndGet();
                inFlight.remove(key, sink);
            };
            // Bookkeeping before the result travels downstream: the controller may start the next
            // reconcile of this key synchronously when it sees the result.
            return sink.asMono().doOnTerminate(finished).doOnCancel(finished);
        }

        void finish(String key) {
            inFlight.get(key).tryEmitValue(ReconcileResult.done());
        }
    }

    private ControllerBuilder builder(Reconciler reconciler) {
        return Controller.builder("test").watches(events.asFlux(), List::of).reconciler(reconciler)
                .scheduler(clock).reconcileScheduler(Schedulers.immediate());
    }

    private void emit(String... keys) {
        for (String key : keys) {
            assertThat(events.tryEmitNext(key).isSuccess()).isTrue();
        }
    }

    @Test
    void eventsForTheSameKeyBeforeTheWorkersStartAreReconciledOnce() {
        PendingReconciler reconciler = new PendingReconciler();
        Sinks.Empty<Void> synced = Sinks.empty();
        Controller controller = builder(reconciler).waitFor(synced.asMono()).maxConcurrentReconciles(4).build().start();

        emit("ns/a", "ns/a", "ns/b", "ns/a");
        assertThat(reconciler.started).as("workers wait for the readiness gate").isEmpty();
        synced.tryEmitEmpty();

        assertThat(reconciler.started).containsExactly("ns/a", "ns/b");
        controller.dispose();
    }

    @Test
    void noMoreThanMaxConcurrentReconcilesRunAtOnce() {
        PendingReconciler reconciler = new PendingReconciler();
        Controller controller = builder(reconciler).maxConcurrentReconciles(2).build().start();

        emit("a", "b", "c", "d");
        assertThat(reconciler.started).containsExactly("a", "b");

        reconciler.finish("a");
        assertThat(reconciler.started).containsExactly("a", "b", "c");
        reconciler.finish("c");
        reconciler.finish("b");
        reconciler.finish("d");

        assertThat(reconciler.started).containsExactly("a", "b", "c", "d");
        assertThat(reconciler.maxConcurrent).hasValue(2);
        controller.dispose();
    }

    @Test
    void aKeyIsNeverReconciledTwiceAtOnceButAnEventDuringItsReconcileRunsItAgainAfter() {
        PendingReconciler reconciler = new PendingReconciler();
        Controller controller = builder(reconciler).maxConcurrentReconciles(4).build().start();

        emit("a");
        emit("a", "a");
        assertThat(reconciler.started).containsExactly("a");

        reconciler.finish("a");
        assertThat(reconciler.started).containsExactly("a", "a");
        reconciler.finish("a");
        assertThat(reconciler.started).containsExactly("a", "a");
        controller.dispose();
    }

    @Test
    void failedReconcileIsRetriedWithExponentialBackoffReportedAndForgottenOnSuccess() {
        List<Long> callTimes = new CopyOnWriteArrayList<>();
        List<String> reported = new CopyOnWriteArrayList<>();
        Reconciler failsThreeTimes = key -> {
            callTimes.add(clock.now(TimeUnit.MILLISECONDS));
            return callTimes.size() <= 3 ? Mono.error(new IllegalStateException("boom " + callTimes.size()))
                    : Mono.just(ReconcileResult.done());
        };
        Controller controller = builder(failsThreeTimes)
                .errorHandler((name, key, error, requeues) -> reported.add(name + " " + key + " " + error.getMessage() + " #" + requeues))
                .build().start();

        emit("a");
        clock.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(callTimes).containsExactly(0L, 5L, 15L, 35L);
        assertThat(reported).containsExactly("test a boom 1 #1", "test a boom 2 #2", "test a boom 3 #3");
        assertThat(controller.queue().numRequeues("a")).isZero();
        controller.dispose();
    }

    @Test
    void reconcilerThrowingInsteadOfReturningAnErrorIsRetriedToo() {
        AtomicInteger calls = new AtomicInteger();
        Controller controller = builder(key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("thrown, not returned");
            }
            return Mono.empty();
        }).build().start();

        emit("a");
        clock.advanceTimeBy(Duration.ofMillis(5));

        assertThat(calls).hasValue(2);
        controller.dispose();
    }

    @Test
    void requeueAfterReconcilesTheKeyAgainAfterExactlyThatDelay() {
        List<Long> callTimes = new CopyOnWriteArrayList<>();
        Controller controller = builder(key -> {
            callTimes.add(clock.now(TimeUnit.MILLISECONDS));
            return Mono.just(callTimes.size() < 3 ? ReconcileResult.requeueAfter(Duration.ofSeconds(30)) : ReconcileResult.done());
        }).build().start();

        emit("a");
        clock.advanceTimeBy(Duration.ofMinutes(5));

        assertThat(callTimes).containsExactly(0L, 30_000L, 60_000L);
        controller.dispose();
    }

    @Test
    void requeueWithoutErrorUsesThePerKeyBackoff() {
        List<Long> callTimes = new CopyOnWriteArrayList<>();
        Controller controller = builder(key -> {
            callTimes.add(clock.now(TimeUnit.MILLISECONDS));
            return Mono.just(callTimes.size() < 3 ? ReconcileResult.requeue() : ReconcileResult.done());
        }).build().start();

        emit("a");
        clock.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(callTimes).containsExactly(0L, 5L, 15L);
        controller.dispose();
    }

    @Test
    void reconcileTakingLongerThanTheTimeoutFailsAndIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Controller controller = builder(key -> calls.incrementAndGet() == 1 ? Mono.never() : Mono.empty())
                .reconcileTimeout(Duration.ofSeconds(10))
                .errorHandler((name, key, error, requeues) -> errors.add(error))
                .build().start();

        emit("a");
        clock.advanceTimeBy(Duration.ofSeconds(10));
        assertThat(errors).singleElement().isInstanceOf(java.util.concurrent.TimeoutException.class);
        clock.advanceTimeBy(Duration.ofMillis(5));

        assertThat(calls).hasValue(2);
        controller.dispose();
    }

    @Test
    void gracefulStopStopsTakingKeysAndWaitsForInFlightReconciles() {
        PendingReconciler reconciler = new PendingReconciler();
        Controller controller = builder(reconciler).maxConcurrentReconciles(2).build().start();
        emit("a", "b");
        reconciler.finish("b");

        StepVerifier.create(controller.stop())
                .expectSubscription()
                .then(() -> emit("c"))
                .expectNoEvent(Duration.ofMillis(20))
                .then(() -> assertThat(controller.isDisposed()).isTrue())
                .then(() -> reconciler.finish("a"))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(reconciler.started).containsExactly("a", "b");
        assertThat(events.currentSubscriberCount()).as("sources are cancelled").isZero();
    }

    @Test
    void stopWithGracePeriodCancelsReconcilesStillRunningAfterIt() {
        PendingReconciler reconciler = new PendingReconciler();
        Controller controller = builder(reconciler).build().start();
        emit("a");

        StepVerifier.withVirtualTime(() -> controller.stop(Duration.ofSeconds(30)), () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(29))
                .thenAwait(Duration.ofSeconds(1))
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(reconciler.inFlight).as("the in-flight reconcile was cancelled").isEmpty();
        StepVerifier.create(controller.queue().terminated()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void controllerRunsOnceAndNeedsAReconciler() {
        Controller controller = builder(key -> Mono.empty()).build();
        StepVerifier.create(controller.stop()).expectComplete().verify(TIMEOUT);
        assertThatThrownBy(controller::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("'test'");
        assertThatThrownBy(() -> Controller.builder("x").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no reconciler");
        assertThatThrownBy(() -> Controller.builder("x").maxConcurrentReconciles(0)).hasMessageContaining("got 0");
    }

    @Test
    void failedReadinessGateIsReportedAndStopsTheController() {
        PendingReconciler reconciler = new PendingReconciler();
        List<String> reported = new CopyOnWriteArrayList<>();
        Sinks.Empty<Void> synced = Sinks.empty();
        Controller controller = builder(reconciler).waitFor(synced.asMono())
                .errorHandler((name, key, error, requeues) -> reported.add(error.getMessage()))
                .build().start();
        emit("a");

        synced.tryEmitError(new IllegalStateException("informer stopped before it synced"));

        StepVerifier.create(controller.terminated()).expectComplete().verify(TIMEOUT);
        assertThat(controller.isDisposed()).isTrue();
        assertThat(reported).containsExactly("informer stopped before it synced");
        assertThat(reconciler.started).isEmpty();
        assertThat(events.currentSubscriberCount()).isZero();
    }

    @Test
    void sourceFailureIsReportedAndOtherSourcesKeepWorking() {
        PendingReconciler reconciler = new PendingReconciler();
        List<String> reported = new CopyOnWriteArrayList<>();
        Controller controller = builder(reconciler).maxConcurrentReconciles(2)
                .watches(Mono.<String>error(new IllegalStateException("watch broke")), List::of)
                .errorHandler((name, key, error, requeues) -> reported.add(key + ": " + error.getMessage()))
                .build().start();

        emit("a");

        assertThat(reported).containsExactly("null: watch broke");
        assertThat(reconciler.started).containsExactly("a");
        controller.dispose();
    }
}
