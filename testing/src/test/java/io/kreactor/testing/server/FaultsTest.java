package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.testing.junit.ServerConditions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FaultsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CMS = "/api/v1/namespaces/default/configmaps";

    private EmbeddedApiServer server;
    private RawApi api;

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.builder().start();
        api = new RawApi(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theNextRequestsFailWithTheInjectedStatusThenServingResumes() {
        server.faults().throttleNext(1, Duration.ofSeconds(3));
        server.faults().failNext(1, 500);
        StepVerifier.create(api.get(CMS).zipWhen(first -> api.get(CMS)).zipWhen(pair -> api.get(CMS)))
                .assertNext(t -> {
                    RawApi.Reply throttled = t.getT1().getT1();
                    assertThat(throttled.status()).isEqualTo(429);
                    assertThat(throttled.headers().get("Retry-After")).isEqualTo("3");
                    assertThat(throttled.body().path("reason").asText()).isEqualTo("TooManyRequests");
                    assertThat(t.getT1().getT2().status()).isEqualTo(500);
                    assertThat(t.getT2().status()).isEqualTo(200);
                })
                .verifyComplete();
    }

    @Test
    void failuresCanTargetAMethodAndPath() {
        server.faults().failNext(1, 410, "GET", "/secrets");
        StepVerifier.create(api.get(CMS).zipWith(api.get("/api/v1/namespaces/default/secrets")
                        .zipWhen(first -> api.get("/api/v1/namespaces/default/secrets"))))
                .assertNext(t -> {
                    assertThat(t.getT1().status()).isEqualTo(200);
                    assertThat(t.getT2().getT1().status()).isEqualTo(410);
                    assertThat(t.getT2().getT1().body().path("reason").asText()).isEqualTo("Expired");
                    assertThat(t.getT2().getT2().status()).isEqualTo(200);
                })
                .verifyComplete();
    }

    @Test
    void droppingWatchesEndsEveryOpenStream() {
        StepVerifier.create(api.watch(CMS + "?watch=true&resourceVersion=" + server.resourceVersion())
                        .onErrorResume(e -> Mono.empty())
                        .mergeWith(ServerConditions.watchersAtLeast(server, 1)
                                .then(Mono.fromRunnable(server.faults()::dropWatches))))
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(server.until(s -> s.faults().openWatches() == 0)).expectComplete().verify(WAIT);
    }

    @Test
    void aStalledWatchSendsNothingMoreButStaysOpen() {
        String rv = server.resourceVersion();
        StepVerifier.create(api.watch(CMS + "?watch=true&resourceVersion=" + rv)
                        .mergeWith(api.post(CMS, RawApi.configMap("before", "", "")).then(Mono.empty())))
                .assertNext(event -> assertThat(event.path("object").path("metadata").path("name").asText())
                        .isEqualTo("before"))
                .then(() -> {
                    server.faults().stallWatches();
                    api.post(CMS, RawApi.configMap("after", "", "")).subscribe();
                })
                .expectNoEvent(Duration.ofMillis(700))
                .then(() -> assertThat(server.faults().openWatches()).isEqualTo(1))
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void compactingHistoryMakesOldResourceVersionsExpire() {
        String rv = server.resourceVersion();
        StepVerifier.create(api.post(CMS, RawApi.configMap("x", "", ""))
                        .then(Mono.fromRunnable(server.faults()::compactHistory))
                        .thenMany(api.watch(CMS + "?watch=true&resourceVersion=" + rv)))
                .assertNext(event -> {
                    assertThat(event.path("type").asText()).isEqualTo("ERROR");
                    assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void latencyDelaysResponses() {
        server.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();
        StepVerifier.create(api.get("/version").map(RawApi.Reply::body).map(JsonNode::toString))
                .assertNext(body -> assertThat(body).contains("\"major\":\"1\""))
                .expectComplete()
                .verify(WAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        server.faults().clear();
    }
}
