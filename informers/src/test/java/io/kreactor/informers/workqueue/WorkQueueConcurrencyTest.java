package io.kreactor.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * Many producers and concurrent workers on real (non-blocking, BlockHound-checked) threads: the exclusive
 * processing guarantee holds, and every key's last processing starts after its last add.
 */
class WorkQueueConcurrencyTest {

    private static final int KEYS = 50;
    private static final int PRODUCERS = 4;
    private static final int ROUNDS = 200;

    @Test
    void concurrentProducersAndWorkersNeverProcessAKeyTwiceAtOnceAndNeverLoseTheLastAdd() {
        WorkQueue<Integer> queue = WorkQueue.<Integer>builder().name("stress").scheduler(Schedulers.parallel()).build();
        AtomicIntegerArray addedVersion = new AtomicIntegerArray(KEYS);
        AtomicIntegerArray seenVersion = new AtomicIntegerArray(KEYS);
        Set<Integer> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger processed = new AtomicInteger();

        Mono<Void> workers = queue.keys()
                .flatMap(key -> Mono.fromRunnable(() -> {
                            if (!inFlight.add(key)) {
                                overlaps.incrementAndGet();
                            }
                            seenVersion.set(key, addedVersion.get(key));
                            processed.incrementAndGet();
                        })
                        .subscribeOn(Schedulers.parallel())
                        .then(Mono.fromRunnable(() -> inFlight.remove(key)))
                        .doFinally(signal -> queue.done(key)), 8)
                .then()
                .cache();
        workers.subscribe();

        Flux<Integer> producers = Flux.range(0, PRODUCERS)
                .flatMap(p -> Flux.range(0, ROUNDS * KEYS)
                        .doOnNext(i -> {
                            int key = (i + p * 7) % KEYS;
                            addedVersion.incrementAndGet(key);
                            queue.add(key);
                        })
                        .subscribeOn(Schedulers.parallel()));
        StepVerifier.create(producers).expectNextCount((long) PRODUCERS * ROUNDS * KEYS).expectComplete().verify(Duration.ofSeconds(30));

        queue.shutDownWithDrain();
        StepVerifier.create(workers).expectComplete().verify(Duration.ofSeconds(30));

        assertThat(overlaps).hasValue(0);
        for (int key = 0; key < KEYS; key++) {
            assertThat(seenVersion.get(key)).as("key %d processed after its last add", key).isEqualTo(addedVersion.get(key));
        }
        assertThat(processed.get()).isBetween(KEYS, PRODUCERS * ROUNDS * KEYS);
        assertThat(queue.len()).isZero();
    }
}
