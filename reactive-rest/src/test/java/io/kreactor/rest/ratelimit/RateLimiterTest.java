package io.kreactor.rest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class RateLimiterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    /** Acquires {@code count} permits, subscribing in order, and emits each index when its permit is granted. */
    private static Flux<Integer> acquireInOrder(RateLimiter limiter, int count) {
        return Flux.range(0, count).flatMap(i -> limiter.acquire().thenReturn(i));
    }

    /** Subscribes to one acquire and records {@code name} in {@code granted} when it completes. */
    private static Disposable waitFor(RateLimiter limiter, String name, List<String> granted) {
        return limiter.acquire().subscribe(null, null, () -> granted.add(name));
    }

    @Test
    void theBurstPassesAtOnceThenOnePermitPerIntervalAtClientGoDefaults() {
        RateLimiter limiter = RateLimiter.tokenBucket(RateLimiter.DEFAULT_QPS, RateLimiter.DEFAULT_BURST, clock);

        StepVerifier.withVirtualTime(() -> acquireInOrder(limiter, 13), () -> clock, Long.MAX_VALUE)
                .expectNext(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
                .expectNoEvent(Duration.ofMillis(199))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(10)
                .expectNoEvent(Duration.ofMillis(199))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(11)
                .thenAwait(Duration.ofMillis(200))
                .expectNext(12)
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void waitersAreServedInTheOrderTheySubscribed() {
        RateLimiter limiter = RateLimiter.tokenBucket(10, 1, clock);
        List<String> granted = new CopyOnWriteArrayList<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            waitFor(limiter, name, granted);
        }
        assertThat(granted).containsExactly("a");

        for (int step = 1; step <= 4; step++) {
            clock.advanceTimeBy(Duration.ofMillis(99));
            assertThat(granted).hasSize(step);
            clock.advanceTimeBy(Duration.ofMillis(1));
            assertThat(granted).hasSize(step + 1);
        }
        assertThat(granted).containsExactly("a", "b", "c", "d", "e");
    }

    @Test
    void anIdleBucketRefillsUpToItsBurstAndNoFurther() {
        RateLimiter limiter = RateLimiter.tokenBucket(1, 3, clock);
        List<String> granted = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            waitFor(limiter, "first-" + i, granted);
        }
        assertThat(granted).hasSize(3);

        clock.advanceTimeBy(Duration.ofHours(1));
        for (int i = 0; i < 4; i++) {
            waitFor(limiter, "second-" + i, granted);
        }
        assertThat(granted).hasSize(6);
        clock.advanceTimeBy(Duration.ofMillis(999));
        assertThat(granted).hasSize(6);
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(granted).hasSize(7).last().isEqualTo("second-3");
    }

    @Test
    void aPartlyRefilledTokenShortensTheWait() {
        RateLimiter limiter = RateLimiter.tokenBucket(5, 1, clock);
        List<String> granted = new CopyOnWriteArrayList<>();
        waitFor(limiter, "a", granted);
        clock.advanceTimeBy(Duration.ofMillis(150));
        waitFor(limiter, "b", granted);

        clock.advanceTimeBy(Duration.ofMillis(49));
        assertThat(granted).containsExactly("a");
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(granted).containsExactly("a", "b");
    }

    @Test
    void cancellingTheLastWaiterGivesItsPermitBack() {
        RateLimiter limiter = RateLimiter.tokenBucket(1, 1, clock);
        List<String> granted = new CopyOnWriteArrayList<>();
        waitFor(limiter, "a", granted);
        Disposable b = waitFor(limiter, "b", granted);
        b.dispose();
        waitFor(limiter, "c", granted);

        clock.advanceTimeBy(Duration.ofMillis(999));
        assertThat(granted).containsExactly("a");
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertThat(granted).as("c takes b's slot at 1s, not 2s").containsExactly("a", "c");
    }

    @Test
    void cancellingWaitersFromTheTailReturnsEveryPermit() {
        RateLimiter limiter = RateLimiter.tokenBucket(1, 1, clock);
        List<String> granted = new CopyOnWriteArrayList<>();
        waitFor(limiter, "a", granted);
        Disposable b = waitFor(limiter, "b", granted);
        Disposable c = waitFor(limiter, "c", granted);
        c.dispose();
        b.dispose();
        waitFor(limiter, "d", granted);

        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(granted).containsExactly("a", "d");
    }

    @Test
    void cancellingAWaiterInTheMiddleNeverLetsANewcomerOvertakeTheWaitersBehindIt() {
        RateLimiter limiter = RateLimiter.tokenBucket(1, 1, clock);
        List<String> granted = new CopyOnWriteArrayList<>();
        waitFor(limiter, "a", granted);
        Disposable b = waitFor(limiter, "b", granted);
        waitFor(limiter, "c", granted);
        b.dispose();
        waitFor(limiter, "d", granted);

        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(granted).as("b's slot passes unused").containsExactly("a");
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(granted).containsExactly("a", "c");
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertThat(granted).containsExactly("a", "c", "d");
    }

    @Test
    void aPermitIsReservedOnSubscriptionNotWhenAcquireIsCalled() {
        RateLimiter limiter = RateLimiter.tokenBucket(1, 1, clock);
        List<Mono<Void>> unsubscribed = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            unsubscribed.add(limiter.acquire());
        }
        StepVerifier.create(unsubscribed.get(19)).expectComplete().verify(TIMEOUT);

        Mono<Void> again = unsubscribed.get(19);
        StepVerifier.withVirtualTime(() -> again, () -> clock, Long.MAX_VALUE)
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anUnlimitedLimiterNeverDelays() {
        RateLimiter limiter = RateLimiter.unlimited();
        StepVerifier.create(Flux.range(0, 10_000).concatMap(i -> limiter.acquire().thenReturn(i)))
                .expectNextCount(10_000)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(limiter).hasToString("RateLimiter[unlimited]");
    }

    @Test
    void concurrentAcquiresOnARealClockNeverGetMoreThanTheBurstAhead() {
        RateLimiter limiter = RateLimiter.tokenBucket(1000, 10);
        Flux<Integer> many = Flux.range(0, 200)
                .flatMap(i -> limiter.acquire().subscribeOn(Schedulers.parallel()).thenReturn(i));

        Duration took = StepVerifier.create(many)
                .expectNextCount(200)
                .expectComplete()
                .verify(TIMEOUT);
        assertThat(took).as("190 permits beyond the burst at 1000/s").isGreaterThanOrEqualTo(Duration.ofMillis(189));
    }

    @Test
    void invalidRatesAndBurstsAreRejected() {
        assertThatThrownBy(() -> RateLimiter.tokenBucket(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("qps must be positive and finite, was 0.0");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiter.tokenBucket(Double.POSITIVE_INFINITY, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RateLimiter.tokenBucket(5, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("burst must be at least 1, was 0");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(5, 1, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("scheduler");
    }

    @Test
    void theDefaultsAreClientGosFiveQpsWithABurstOfTen() {
        assertThat(RateLimiter.defaults()).hasToString("RateLimiter[tokenBucket qps=5.0, burst=10]");
    }
}
