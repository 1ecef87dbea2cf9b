package io.kreactor.rest.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.WarningHandler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The retry, rate-limit and auth filters over a scripted exchange function, in virtual time. */
class ExchangeFiltersTest {

    // Generous: the first exchange of a cold, instrumented JVM on a shared machine can take many seconds.
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<TransportRequest> sent = new ArrayList<>();
    private final Deque<Supplier<Mono<ClientResponse>>> script = new ArrayDeque<>();

    @AfterEach
    void resetVirtualTime() {
        VirtualTimeScheduler.reset();
    }

    private ExchangeFunction scripted() {
        return request -> Mono.defer(() -> {
            sent.add(request);
            return script.isEmpty() ? Mono.error(new AssertionError("unexpected request " + request)) : script.poll().get();
        });
    }

    private void answer(ClientResponse response) {
        script.add(() -> Mono.just(response));
    }

    private void fail(Throwable error) {
        script.add(() -> Mono.error(error));
    }

    private static TransportRequest request(String method) {
        return new TransportRequest(method, "https://k8s.test/api/v1/pods", Map.of(), null, false, null);
    }

    @Test
    void retryAfterIsHonouredToTheSecond() {
        FakeResponse throttled = new FakeResponse(429, "{}", "Retry-After", "5");
        answer(throttled);
        answer(new FakeResponse(200, "ok"));

        StepVerifier.withVirtualTime(() -> new RetryFilter(3, VirtualTimeScheduler.getOrSet()).filter(request("GET"), scripted()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(4999))
                .then(() -> {
                    assertThat(sent).hasSize(1);
                    assertThat(throttled.released).isTrue();
                })
                .thenAwait(Duration.ofMillis(1))
                .assertNext(r -> assertThat(r.statusCode()).isEqualTo(200))
                .expectComplete()
                .verify(WAIT);
        assertThat(sent).hasSize(2);
    }

    @Test
    void retriesStopAtMaxRetriesAndTheLastAnswerIsReturnedUnreleased() {
        for (int i = 0; i < 3; i++) {
            answer(new FakeResponse(503, "{}", "Retry-After", "1"));
        }

        StepVerifier.withVirtualTime(() -> new RetryFilter(2, VirtualTimeScheduler.getOrSet()).filter(request("POST"), scripted()))
                .thenAwait(Duration.ofSeconds(2))
                .assertNext(r -> {
                    assertThat(r.statusCode()).isEqualTo(503);
                    assertThat(((FakeResponse) r).released).isFalse();
                })
                .expectComplete()
                .verify(WAIT);
        assertThat(sent).hasSize(3);
    }

    @Test
    void answersWithoutUsableRetryAfterAreNotRetried() {
        answer(new FakeResponse(500, "{}"));
        answer(new FakeResponse(409, "{}", "Retry-After", "1"));
        answer(new FakeResponse(429, "{}", "Retry-After", "Tue, 24 Nov 2026 10:00:00 GMT"));
        RetryFilter filter = new RetryFilter(5, VirtualTimeScheduler.getOrSet());

        for (int expected : new int[] {500, 409, 429}) {
            StepVerifier.create(filter.filter(request("GET"), scripted()))
                    .assertNext(r -> assertThat(r.statusCode()).isEqualTo(expected))
                    .expectComplete()
                    .verify(WAIT);
        }
        assertThat(sent).hasSize(3);
    }

    @Test
    void connectionResetOfAGetIsRetriedAfterOneSecond() {
        fail(new TransportException("GET x: reset", new IOException("Connection reset by peer")));
        fail(new TransportException("GET x: closed", PrematureCloseException.TEST_EXCEPTION));
        answer(new FakeResponse(200, "ok"));

        StepVerifier.withVirtualTime(() -> new RetryFilter(3, VirtualTimeScheduler.getOrSet()).filter(request("GET"), scripted()))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(1999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(r -> assertThat(r.statusCode()).isEqualTo(200))
                .expectComplete()
                .verify(WAIT);
        assertThat(sent).hasSize(3);
    }

    @Test
    void connectionResetOfAPostIsNotRetriedBecauseItMayHaveBeenApplied() {
        fail(new TransportException("POST x: reset", new IOException("Connection reset by peer")));

        StepVerifier.create(new RetryFilter(3, VirtualTimeScheduler.getOrSet()).filter(request("POST"), scripted()))
                .expectError(TransportException.class)
                .verify(WAIT);
        assertThat(sent).hasSize(1);
    }

    @Test
    void theStandardChainRateLimitsEveryAttemptIncludingRetries() {
        VirtualTimeScheduler time = VirtualTimeScheduler.getOrSet();
        ClientConfig config = ClientConfig.builder("https://k8s.test").qps(1).burst(1).build();
        ExchangeFunction chain = HttpTransport.chain(scripted(), HttpTransport.filters(config, WarningHandler.ignore(), time));
        answer(new FakeResponse(429, "{}", "Retry-After", "0"));
        answer(new FakeResponse(200, "ok"));

        StepVerifier.withVirtualTime(() -> chain.exchange(request("GET")))
                .expectSubscription()
                .then(() -> assertThat(sent).hasSize(1))
                // The retry waits 0 s for Retry-After but a full second for the next token.
                .expectNoEvent(Duration.ofMillis(999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(r -> assertThat(r.statusCode()).isEqualTo(200))
                .expectComplete()
                .verify(WAIT);
        assertThat(sent).hasSize(2);
    }

    @Test
    void authFilterSendsTheProvidersHeaderAndNoneWhenItHasNone() {
        answer(new FakeResponse(200, "ok"));
        answer(new FakeResponse(200, "ok"));

        StepVerifier.create(new AuthFilter(() -> Mono.just("Bearer t")).filter(request("GET"), scripted()))
                .expectNextCount(1).expectComplete().verify(WAIT);
        StepVerifier.create(new AuthFilter(io.kreactor.core.auth.AuthProvider.none()).filter(request("GET"), scripted()))
                .expectNextCount(1).expectComplete().verify(WAIT);

        assertThat(sent.get(0).header("authorization")).isEqualTo("Bearer t");
        assertThat(sent.get(1).header("Authorization")).isNull();
        assertThat(sent.get(0).toString()).doesNotContain("Bearer");
    }

    @Test
    void cancellingWhileCredentialsRefreshClosesTheUnreadUnauthorizedAnswer() {
        FakeResponse unauthorized = new FakeResponse(401, "{}");
        answer(unauthorized);
        io.kreactor.core.auth.AuthProvider slowRefresh = new io.kreactor.core.auth.AuthProvider() {
            @Override
            public Mono<String> authorization() {
                return Mono.just("Bearer t");
            }

            @Override
            public Mono<Boolean> refreshAfterUnauthorized() {
                return Mono.never();
            }
        };

        StepVerifier.create(new AuthFilter(slowRefresh).filter(request("GET"), scripted()))
                .expectSubscription()
                // Lets the verifier request first; the whole exchange then runs synchronously up to the refresh.
                .expectNoEvent(Duration.ofMillis(50))
                .then(() -> assertThat(unauthorized.released).isFalse())
                .thenCancel()
                .verify(WAIT);
        assertThat(sent).hasSize(1);
        assertThat(unauthorized.released).isTrue();
    }

    @Test
    void unauthorizedWithoutCredentialsIsNotRefreshed() {
        FakeResponse unauthorized = new FakeResponse(401, "{}");
        answer(unauthorized);
        io.kreactor.core.auth.AuthProvider auth = new io.kreactor.core.auth.AuthProvider() {
            @Override
            public Mono<String> authorization() {
                return Mono.empty();
            }

            @Override
            public Mono<Boolean> refreshAfterUnauthorized() {
                return Mono.error(new AssertionError("must not refresh"));
            }
        };

        StepVerifier.create(new AuthFilter(auth).filter(request("GET"), scripted()))
                .assertNext(r -> assertThat(r).isSameAs(unauthorized))
                .expectComplete()
                .verify(WAIT);
    }
}
