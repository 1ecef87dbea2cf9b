package io.kreactor.informers.reflector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class WatchdogTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final CountingScheduler timers = new CountingScheduler(clock);

    @Test
    void aWatchSilentForTheTimeoutWhileEventsAreRequestedFailsAndIsCancelled() {
        Sinks.Many<String> watch = Sinks.many().unicast().onBackpressureBuffer();

        StepVerifier.withVirtualTime(() -> Watchdog.guard(watch.asFlux(), TIMEOUT, timers), () -> clock, Long.MAX_VALUE)
                .then(() -> watch.tryEmitNext("a"))
                .expectNext("a")
                .thenAwait(Duration.ofSeconds(30))
                .then(() -> watch.tryEmitNext("b"))
                .expectNext("b")
                // Silence is measured from the last event, not from the subscription.
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TimeoutException.class).hasMessageContaining("PT1M"))
                .verify(WAIT);

        assertThat(watch.currentSubscriberCount()).as("the silent watch is cancelled").isZero();
    }

    @Test
    void eventsOnlyRecordTheTimeTheyDoNotScheduleATimerEach() {
        Sinks.Many<String> watch = Sinks.many().unicast().onBackpressureBuffer();

        StepVerifier.withVirtualTime(() -> Watchdog.guard(watch.asFlux(), TIMEOUT, timers), () -> clock, Long.MAX_VALUE)
                .then(() -> {
                    for (int i = 0; i < 1_000; i++) {
                        watch.tryEmitNext("e" + i);
                    }
                })
                .expectNextCount(1_000)
                .then(() -> assertThat(timers.scheduled).hasValue(1))
                .thenAwait(Duration.ofSeconds(50))
                .then(() -> watch.tryEmitNext("late"))
                .expectNext("late")
                // The first timer wakes at 1 min, finds an event 10 s old and sleeps until 1 min after it.
                .thenAwait(Duration.ofSeconds(10))
                .then(() -> assertThat(timers.scheduled).hasValue(2))
                .then(watch::tryEmitComplete)
                .verifyComplete();
    }

    @Test
    void silenceWhileNothingIsRequestedDoesNotCountAndIsMeasuredAgainFromTheNextRequest() {
        Sinks.Many<String> watch = Sinks.many().unicast().onBackpressureBuffer();

        StepVerifier.withVirtualTime(() -> Watchdog.guard(watch.asFlux(), TIMEOUT, timers), () -> clock, 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMinutes(5).plusSeconds(30))
                .thenRequest(1)
                .expectNoEvent(Duration.ofSeconds(59))
                .thenAwait(Duration.ofSeconds(1))
                .expectError(TimeoutException.class)
                .verify(WAIT);
    }

    @Test
    void aWatchThatEndsCancelsItsTimer() {
        StepVerifier.withVirtualTime(() -> Watchdog.guard(Flux.just("a", "b"), TIMEOUT, timers), () -> clock, Long.MAX_VALUE)
                .expectNext("a", "b")
                .verifyComplete();

        assertThat(timers.scheduled).hasValue(1);
        assertThat(timers.cancelled).as("the ended watch's timer is disposed").hasValue(1);
    }

    /** Counts the timers scheduled on (and cancelled from) a virtual clock. */
    private static final class CountingScheduler implements Scheduler {
        private final Scheduler delegate;
        final AtomicInteger scheduled = new AtomicInteger();
        final AtomicInteger cancelled = new AtomicInteger();

        CountingScheduler(Scheduler delegate) {
            this.delegate = delegate;
        }

        @Override
        public Disposable schedule(Runnable task) {
            return delegate.schedule(task);
        }

        @Override
        public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            Disposable timer = delegate.schedule(task, delay, unit);
            return () -> {
                cancelled.incrementAndGet();
                timer.dispose();
            };
        }

        @Override
        public long now(TimeUnit unit) {
            return delegate.now(unit);
        }

        @Override
        public Worker createWorker() {
            return delegate.createWorker();
        }
    }
}
