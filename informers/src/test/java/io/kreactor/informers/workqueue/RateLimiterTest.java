package io.kreactor.informers.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

class RateLimiterTest {

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    @Test
    void exponentialBackoffDoublesFromFiveMillisecondsAndIsCappedAtTheMaximum() {
        RateLimiter<String> limiter = RateLimiter.exponentialFailure(Duration.ofMillis(5), Duration.ofSeconds(1000));
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            delays.add(limiter.when("a"));
        }

        assertThat(delays.subList(0, 5)).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofMillis(80));
        assertThat(delays.get(17)).isEqualTo(Duration.ofMillis(5L << 17));
        assertThat(delays.get(18)).isEqualTo(Duration.ofSeconds(1000));
        assertThat(delays.get(19)).isEqualTo(Duration.ofSeconds(1000));
        assertThat(limiter.numRequeues("a")).isEqualTo(20);
        assertThat(limiter.numRequeues("b")).isZero();
    }

    @Test
    void exponentialBackoffSaturatesInsteadOfOverflowingAfterManyFailures() {
        RateLimiter<String> limiter = RateLimiter.exponentialFailure(Duration.ofMillis(5), Duration.ofSeconds(1000));
        for (int i = 0; i < 2000; i++) {
            limiter.when("a");
        }
        assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(1000));
    }

    @Test
    void forgetRestartsTheBackoffOfThatKeyOnly() {
        RateLimiter<String> limiter = RateLimiter.exponentialFailure(Duration.ofMillis(5), Duration.ofSeconds(1000));
        limiter.when("a");
        limiter.when("a");
        limiter.when("b");

        limiter.forget("a");

        assertThat(limiter.numRequeues("a")).isZero();
        assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
        assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(10));
    }

    @Test
    void tokenBucketLetsABurstThroughThenSpacesCallsAtItsRate() {
        RateLimiter<String> limiter = RateLimiter.tokenBucket(10, 100, clock);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.when("k" + i)).isZero();
        }
        assertThat(limiter.when("k100")).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.when("k101")).isEqualTo(Duration.ofMillis(200));

        clock.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(limiter.when("k102")).as("1 s refilled 10 tokens, 2 were owed").isZero();
        assertThat(limiter.numRequeues("k0")).isZero();
    }

    @Test
    void defaultControllerLimiterTakesTheLongerOfBackoffAndBucket() {
        RateLimiter<String> limiter = RateLimiter.defaultControllerRateLimiter(clock);
        for (int i = 0; i < 100; i++) {
            assertThat(limiter.when("k" + i)).as("first failure: per-item 5 ms, bucket free").isEqualTo(Duration.ofMillis(5));
        }
        assertThat(limiter.when("k100")).as("bucket exhausted").isEqualTo(Duration.ofMillis(100));

        clock.advanceTimeBy(Duration.ofSeconds(60));
        Duration last = Duration.ZERO;
        for (int i = 0; i < 12; i++) {
            last = limiter.when("hot");
        }
        assertThat(last).as("12th failure of one key: per-item backoff dominates").isEqualTo(Duration.ofMillis(5L << 11));
        assertThat(limiter.numRequeues("hot")).isEqualTo(12);

        limiter.forget("hot");
        assertThat(limiter.numRequeues("hot")).isZero();
    }

    @Test
    void fastSlowLimiterRetriesQuicklyAFewTimesThenSlowly() {
        RateLimiter<String> limiter = RateLimiter.fastSlow(Duration.ofMillis(5), Duration.ofSeconds(10), 3);

        assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
        assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
        assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
        assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(10));
        assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(5));
        assertThat(limiter.numRequeues("a")).isEqualTo(4);

        limiter.forget("a");
        assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    void invalidSettingsAreRejectedWithTheBadValue() {
        assertThatThrownBy(() -> RateLimiter.exponentialFailure(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("baseDelay=PT2S");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(0, 10, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("qps").hasMessageContaining("0.0");
        assertThatThrownBy(() -> RateLimiter.tokenBucket(1, 0, clock))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("burst");
        assertThatThrownBy(() -> RateLimiter.fastSlow(Duration.ofMillis(5), Duration.ofSeconds(1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxFastAttempts=-1");
    }
}
