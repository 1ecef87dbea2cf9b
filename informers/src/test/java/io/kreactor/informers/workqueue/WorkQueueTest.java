package io.kreactor.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class WorkQueueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    private WorkQueue<String> newQueue() {
        return WorkQueue.<String>builder().name("test").scheduler(clock).build();
    }

    @Test
    void keyAddedTwiceBeforeProcessingIsHandedOutOnce() {
        WorkQueue<String> queue = newQueue();
        queue.add("a");
        queue.add("a");
        queue.add("b");
        queue.add("a");
        assertThat(queue.len()).isEqualTo(2);

        StepVerifier.create(queue.keys())
                .expectNext("a", "b")
                .then(queue::shutDown)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(queue.len()).isZero();
    }

    @Test
    void keysAreHandedOutOnlyWhenRequested() {
        WorkQueue<String> queue = newQueue();
        queue.add("a");
        queue.add("b");
        queue.add("c");

        StepVerifier.create(queue.keys(), 0)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(20))
                .thenRequest(1)
                .expectNext("a")
                .then(() -> assertThat(queue.len()).isEqualTo(2))
                .thenRequest(2)
                .expectNext("b", "c")
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void keyBeingProcessedIsNotHandedOutAgainUntilDone() {
        WorkQueue<String> queue = newQueue();
        queue.add("a");

        StepVerifier.create(queue.keys())
                .expectNext("a")
                .then(() -> queue.add("a"))
                .then(() -> queue.add("b"))
                .expectNext("b")
                .expectNoEvent(Duration.ofMillis(20))
                .then(() -> assertThat(queue.len()).as("a is dirty, not queued, while processing").isZero())
                .then(() -> queue.done("a"))
                .expectNext("a")
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void keyReAddedManyTimesWhileProcessingIsQueuedOnceAfterDone() {
        WorkQueue<String> queue = newQueue();
        queue.add("a");

        StepVerifier.create(queue.keys())
                .expectNext("a")
                .then(() -> {
                    queue.add("a");
                    queue.add("a");
                    queue.add("a");
                    queue.done("a");
                })
                .expectNext("a")
                .then(() -> queue.done("a"))
                .expectNoEvent(Duration.ofMillis(20))
                .then(() -> assertThat(queue.len()).isZero())
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void doneForAKeyThatIsNotProcessingDoesNothing() {
        WorkQueue<String> queue = newQueue();
        queue.done("never-added");
        queue.add("a");
        queue.done("a");

        StepVerifier.create(queue.keys())
                .expectNext("a")
                .expectNoEvent(Duration.ofMillis(20))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void addAfterHandsOutTheKeyOnlyOnceTheDelayHasPassed() {
        WorkQueue<String> queue = newQueue();

        StepVerifier.withVirtualTime(queue::keys, () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> queue.addAfter("a", Duration.ofSeconds(1)))
                .then(() -> queue.addAfter("now", Duration.ZERO))
                .expectNext("now")
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("a")
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void keyAlreadyWaitingKeepsTheEarlierReadyTime() {
        WorkQueue<String> queue = newQueue();

        StepVerifier.withVirtualTime(queue::keys, () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> {
                    queue.addAfter("later-first", Duration.ofSeconds(10));
                    queue.addAfter("later-first", Duration.ofSeconds(2));
                    queue.addAfter("sooner-first", Duration.ofSeconds(2));
                    queue.addAfter("sooner-first", Duration.ofSeconds(10));
                })
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("later-first", "sooner-first")
                .then(() -> {
                    queue.done("later-first");
                    queue.done("sooner-first");
                })
                .expectNoEvent(Duration.ofSeconds(30))
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void addRateLimitedBacksOffExponentiallyPerKeyAndForgetResetsIt() {
        WorkQueue<String> queue = newQueue();

        StepVerifier.withVirtualTime(queue::keys, () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .then(() -> queue.addRateLimited("a"))
                .expectNoEvent(Duration.ofMillis(4))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("a")
                .then(() -> {
                    queue.addRateLimited("a");
                    queue.done("a");
                })
                .expectNoEvent(Duration.ofMillis(9))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("a")
                .then(() -> {
                    queue.addRateLimited("a");
                    queue.done("a");
                })
                .expectNoEvent(Duration.ofMillis(19))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("a")
                .then(() -> {
                    assertThat(queue.numRequeues("a")).isEqualTo(3);
                    queue.forget("a");
                    assertThat(queue.numRequeues("a")).isZero();
                    queue.addRateLimited("a");
                    queue.done("a");
                })
                .expectNoEvent(Duration.ofMillis(4))
                .thenAwait(Duration.ofMillis(1))
                .expectNext("a")
                .thenCancel()
                .verify(TIMEOUT);
    }

    @Test
    void shutDownStopsHandingOutKeysAndIgnoresNewAddsButLetsInFlightKeysFinish() {
        WorkQueue<String> queue = newQueue();
        queue.add("a");
        queue.add("b");

        StepVerifier.create(queue.keys(), 1)
                .expectNext("a")
                .then(() -> queue.addAfter("delayed", Duration.ofSeconds(1)))
                .then(queue::shutDown)
                .expectComplete()
                .verify(TIMEOUT);

        assertThat(queue.isShuttingDown()).isTrue();
        queue.add("c");
        queue.addRateLimited("d");
        clock.advanceTimeBy(Duration.ofSeconds(5));
        StepVerifier.create(queue.keys()).expectComplete().verify(TIMEOUT);

        StepVerifier.create(queue.terminated())
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(20))
                .then(() -> queue.done("a"))
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(queue.numRequeues("d")).as("no backoff is recorded once shut down").isZero();
    }

    @Test
    void shutDownWithDrainHandsOutQueuedKeysAndCompletesWhenAllAreDone() {
        WorkQueue<String> queue = newQueue();
        queue.add("a");
        queue.add("b");

        StepVerifier.create(queue.keys(), 1)
                .expectNext("a")
                .then(() -> queue.add("a"))
                .then(queue::shutDownWithDrain)
                .then(() -> queue.add("ignored"))
                .thenRequest(5)
                .expectNext("b")
                .then(() -> queue.done("b"))
                .then(() -> queue.done("a"))
                .as("a was dirty when shut down, so it is processed once more")
                .expectNext("a")
                .expectNoEvent(Duration.ofMillis(20))
                .then(() -> queue.done("a"))
                .expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(queue.terminated()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void eachKeyGoesToExactlyOneOfSeveralSubscribers() {
        WorkQueue<String> queue = newQueue();
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        queue.keys().subscribe(first::add);
        queue.keys().subscribe(second::add);

        for (int i = 0; i < 10; i++) {
            queue.add("k" + i);
        }

        assertThat(first).hasSize(5);
        assertThat(second).hasSize(5);
        assertThat(first).doesNotContainAnyElementsOf(second);
        queue.shutDown();
    }

    @Test
    void metricsHooksSeeAddsRetriesDepthAndDurations() {
        AtomicInteger adds = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        AtomicInteger maxDepth = new AtomicInteger();
        List<Duration> work = new ArrayList<>();
        WorkQueue<String> queue = WorkQueue.<String>builder().name("metered").scheduler(clock)
                .metrics(new WorkQueueMetrics() {
                    @Override
                    public void added(String name) {
                        adds.incrementAndGet();
                    }

                    @Override
                    public void retried(String name) {
                        retries.incrementAndGet();
                    }

                    @Override
                    public void depth(String name, int depth) {
                        maxDepth.accumulateAndGet(depth, Math::max);
                    }

                    @Override
                    public void finished(String name, Duration processedFor) {
                        work.add(processedFor);
                    }
                }).build();

        queue.add("a");
        queue.add("a");
        queue.add("b");
        queue.addRateLimited("c");
        List<String> seen = new ArrayList<>();
        queue.keys().subscribe(seen::add);
        clock.advanceTimeBy(Duration.ofMillis(250));
        queue.done("a");

        assertThat(seen).containsExactly("a", "b", "c");
        assertThat(adds).hasValue(3);
        assertThat(retries).hasValue(1);
        assertThat(maxDepth).hasValue(2);
        assertThat(work).containsExactly(Duration.ofMillis(250));
        queue.shutDown();
    }
}
