package io.kreactor.core.blockhound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.blockhound.integration.BlockHoundIntegration;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * {@link KreactorBlockHoundIntegration}, with BlockHound installed as in every test of this build: cancelling a
 * periodic timer from a non-blocking thread while its worker holds the queue lock must not be reported. Without the
 * integration the first report came within a few hundred iterations (~100 ms) in every run, and the worker it
 * happened on never ran a task again.
 */
class KreactorBlockHoundIntegrationTest {

    private static final int CANCELLATIONS = 5_000;

    private final Scheduler timers = Schedulers.newParallel("timers", 1);
    private final Scheduler cancellers = Schedulers.newParallel("cancellers", 1);

    /** Set when a cancellation was reported: the worker's queue lock is then broken for good. */
    private boolean lockBroken;

    @AfterEach
    void dispose() {
        if (lockBroken) {
            // disposing would take the broken lock and wait forever: leave the (daemon) threads behind
            return;
        }
        timers.dispose();
        cancellers.dispose();
    }

    @Test
    void isFoundByTheServiceLoaderBlockHoundUses() {
        assertThat(ServiceLoader.load(BlockHoundIntegration.class).stream().map(ServiceLoader.Provider::type))
                .contains(KreactorBlockHoundIntegration.class);
    }

    @Test
    void cancellingPeriodicTasksFromANonBlockingThreadIsNotReportedAndLeavesTheWorkerWorking() {
        Scheduler.Worker worker = timers.createWorker();
        // tasks due every microsecond keep the worker thread taking the queue lock
        List<Disposable> busy = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            busy.add(worker.schedulePeriodically(() -> { }, 0, 1, TimeUnit.MICROSECONDS));
        }
        for (int i = 0; i < CANCELLATIONS; i++) {
            Disposable periodic = i % 2 == 0
                    ? worker.schedulePeriodically(() -> { }, 1, 1, TimeUnit.MILLISECONDS)
                    : timers.schedulePeriodically(() -> { }, 1, 1, TimeUnit.MILLISECONDS);
            try {
                StepVerifier.create(Mono.fromRunnable(periodic::dispose).subscribeOn(cancellers))
                        .as("cancellation " + i)
                        .expectComplete()
                        .verify(Duration.ofSeconds(5));
            } catch (AssertionError reported) {
                lockBroken = true;
                throw reported;
            }
        }
        busy.forEach(Disposable::dispose);
        StepVerifier.create(Mono.fromCallable(() -> "still running").subscribeOn(timers))
                .expectNext("still running")
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }
}
