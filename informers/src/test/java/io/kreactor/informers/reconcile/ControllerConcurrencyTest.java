package io.kreactor.informers.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The controller on real parallel threads (checked by BlockHound): limits hold and stop waits for the work. */
class ControllerConcurrencyTest {

    @Test
    void underConcurrentEventsNoKeyOverlapsAndNoMoreThanTheLimitRun() {
        Set<String> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        Set<String> reconciled = ConcurrentHashMap.newKeySet();
        Sinks.Empty<Void> allKeysReconciled = Sinks.empty();
        Flux<String> events = Flux.range(0, 4)
                .flatMap(p -> Flux.range(0, 2_000).map(i -> "ns/key-" + ((i * 7 + p) % 20)).subscribeOn(Schedulers.parallel()));

        Controller controller = Controller.builder("stress")
                .watches(events, List::of)
                .maxConcurrentReconciles(4)
                .reconciler(key -> Mono.fromRunnable(() -> {
                            if (!inFlight.add(key)) {
                                overlaps.incrementAndGet();
                            }
                            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                        })
                        .then(Mono.delay(Duration.ofMillis(1)))
                        .then(Mono.fromCallable(() -> {
                            running.decrementAndGet();
                            inFlight.remove(key);
                            if (reconciled.add(key) && reconciled.size() == 20) {
                                allKeysReconciled.tryEmitEmpty();
                            }
                            return ReconcileResult.done();
                        })))
                .build()
                .start();

        StepVerifier.create(allKeysReconciled.asMono()).expectComplete().verify(Duration.ofSeconds(30));
        StepVerifier.create(controller.stop()).expectComplete().verify(Duration.ofSeconds(30));

        assertThat(overlaps).hasValue(0);
        assertThat(maxRunning.get()).isBetween(1, 4);
        assertThat(running).hasValue(0);
    }
}
