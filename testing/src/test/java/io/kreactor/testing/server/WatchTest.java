package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class WatchTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CMS = "/api/v1/namespaces/default/configmaps";

    private EmbeddedApiServer server;
    private RawApi api;

    private void start(EmbeddedApiServer.Builder builder) {
        server = builder.start();
        api = new RawApi(server);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String type(JsonNode event) {
        return event.path("type").asText();
    }

    private static String name(JsonNode event) {
        return event.path("object").path("metadata").path("name").asText();
    }

    private String update(String name, String value) {
        return RawApi.configMap(name, "", "\"v\":\"" + value + "\"");
    }

    @Test
    void watchFromAResourceVersionDeliversEveryLaterChangeInOrder() {
        start(EmbeddedApiServer.builder());
        String rv = server.resourceVersion();
        Mono<Void> writes = api.post(CMS, update("a", "1")).then(api.put(CMS + "/a", update("a", "2")))
                .then(api.delete(CMS + "/a")).then();
        StepVerifier.create(writes.thenMany(api.watch(CMS + "?watch=true&resourceVersion=" + rv))
                        .take(4)
                        .doOnNext(e -> {
                            if (type(e).equals("DELETED")) {
                                api.post(CMS, update("b", "1")).subscribe();
                            }
                        }))
                .assertNext(e -> assertThat(type(e) + " " + name(e)).isEqualTo("ADDED a"))
                .assertNext(e -> {
                    assertThat(type(e) + " " + name(e)).isEqualTo("MODIFIED a");
                    assertThat(e.path("object").path("data").path("v").asText()).isEqualTo("2");
                })
                .assertNext(e -> assertThat(type(e) + " " + name(e)).isEqualTo("DELETED a"))
                .assertNext(e -> assertThat(type(e) + " " + name(e)).isEqualTo("ADDED b"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void resumingFromACompactedResourceVersionGetsAnExpiredErrorEvent() {
        start(EmbeddedApiServer.builder().historySize(2));
        String rv = server.resourceVersion();
        Mono<Void> writes = Flux.range(0, 3).concatMap(i -> api.post(CMS, update("c" + i, "x"))).then();
        StepVerifier.create(writes.thenMany(api.watch(CMS + "?watch=true&resourceVersion=" + rv)))
                .assertNext(e -> {
                    assertThat(type(e)).isEqualTo("ERROR");
                    assertThat(e.path("object").path("code").asInt()).isEqualTo(410);
                    assertThat(e.path("object").path("reason").asText()).isEqualTo("Expired");
                    assertThat(e.path("object").path("message").asText()).startsWith("too old resource version");
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void watchWithoutResourceVersionStartsWithSyntheticAddsOfTheCurrentState() {
        start(EmbeddedApiServer.builder());
        StepVerifier.create(api.post(CMS, update("x", "1")).then(api.post(CMS, update("y", "1")))
                        .thenMany(api.watch(CMS + "?watch=true").take(2)))
                .assertNext(e -> assertThat(type(e) + " " + name(e)).isEqualTo("ADDED x"))
                .assertNext(e -> assertThat(type(e) + " " + name(e)).isEqualTo("ADDED y"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void watchListSendsTheInitialStateThenABookmarkMarkingItsEnd() {
        start(EmbeddedApiServer.builder());
        String path = CMS + "?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan"
                + "&allowWatchBookmarks=true";
        StepVerifier.create(api.post(CMS, update("x", "1")).thenMany(api.watch(path).take(2)))
                .assertNext(e -> assertThat(type(e) + " " + name(e)).isEqualTo("ADDED x"))
                .assertNext(e -> {
                    assertThat(type(e)).isEqualTo("BOOKMARK");
                    assertThat(e.path("object").path("metadata").path("annotations")
                            .path("k8s.io/initial-events-end").asText()).isEqualTo("true");
                    assertThat(e.path("object").path("metadata").path("resourceVersion").asText())
                            .isEqualTo(server.resourceVersion());
                })
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(api.get(CMS + "?watch=true&sendInitialEvents=true"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(422))
                .verifyComplete();
    }

    @Test
    void bookmarksArrivePeriodicallyAndOnDemand() {
        start(EmbeddedApiServer.builder().bookmarkInterval(Duration.ofMillis(200)));
        String rv = server.resourceVersion();
        StepVerifier.create(api.watch(CMS + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + rv).take(1))
                .assertNext(e -> {
                    assertThat(type(e)).isEqualTo("BOOKMARK");
                    assertThat(e.path("object").path("kind").asText()).isEqualTo("ConfigMap");
                    assertThat(e.path("object").path("metadata").path("resourceVersion").asText()).isEqualTo(rv);
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void bookmarkOnDemandThroughTheFaultApi() {
        start(EmbeddedApiServer.builder());
        String rv = server.resourceVersion();
        StepVerifier.create(api.watch(CMS + "?watch=true&allowWatchBookmarks=true&resourceVersion=" + rv)
                        .mergeWith(api.post(CMS, update("x", "1")).then(Mono.empty()))
                        .doOnNext(e -> server.faults().sendBookmarks())
                        .take(2))
                .assertNext(e -> assertThat(type(e)).isEqualTo("ADDED"))
                .assertNext(e -> {
                    assertThat(type(e)).isEqualTo("BOOKMARK");
                    assertThat(e.path("object").path("metadata").path("resourceVersion").asText())
                            .isEqualTo(server.resourceVersion());
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void timeoutSecondsEndsTheStream() {
        start(EmbeddedApiServer.builder());
        StepVerifier.create(api.watch(CMS + "?watch=true&timeoutSeconds=1&resourceVersion="
                        + server.resourceVersion()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void objectsEnteringAndLeavingTheSelectionArriveAsAddedAndDeleted() {
        start(EmbeddedApiServer.builder());
        String rv = server.resourceVersion();
        Mono<Void> writes = api.post(CMS, RawApi.configMap("s", "\"app\":\"web\"", ""))
                .then(api.put(CMS + "/s", RawApi.configMap("s", "\"app\":\"db\"", "")))
                .then(api.put(CMS + "/s", RawApi.configMap("s", "\"app\":\"db\"", "\"a\":\"1\"")))
                .then(api.put(CMS + "/s", RawApi.configMap("s", "\"app\":\"web\"", "\"a\":\"1\"")))
                .then(api.put(CMS + "/s", RawApi.configMap("s", "\"app\":\"web\"", "\"a\":\"2\"")))
                .then();
        StepVerifier.create(writes.thenMany(api.watch(CMS + "?watch=true&labelSelector=app%3Dweb&resourceVersion="
                        + rv).take(4)))
                .assertNext(e -> assertThat(type(e)).isEqualTo("ADDED"))
                .assertNext(e -> {
                    assertThat(type(e)).isEqualTo("DELETED");
                    assertThat(e.path("object").path("metadata").path("labels").path("app").asText()).isEqualTo("db");
                })
                .assertNext(e -> assertThat(type(e)).isEqualTo("ADDED"))
                .assertNext(e -> assertThat(type(e)).isEqualTo("MODIFIED"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aWatcherThatFallsTooFarBehindIsClosedWithoutHoldingUpOthers() throws Exception {
        start(EmbeddedApiServer.builder().watchBufferSize(4).sendBufferSize(8192));
        String rv = server.resourceVersion();
        int count = 60;
        String payload = "x".repeat(32 * 1024);
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", server.port()));
            OutputStream out = slow.getOutputStream();
            out.write(("GET " + CMS + "?watch=true&resourceVersion=" + rv + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Mono<Void> writes = Flux.range(0, count)
                    .concatMap(i -> api.post(CMS, RawApi.configMap("big-" + i, "", "\"p\":\"" + payload + "\"")))
                    .then();
            // The fast watcher gets every event; when it has the last one, only it is still open: the slow one,
            // which never reads, was closed when its buffer overflowed, and no write waited for it.
            StepVerifier.create(api.watch(CMS + "?watch=true&resourceVersion=" + rv)
                            .mergeWith(writes.then(Mono.empty()))
                            .take(count)
                            .last()
                            .map(lastEvent -> server.faults().openWatches()))
                    .expectNext(1)
                    .expectComplete()
                    .verify(Duration.ofSeconds(60));
        }
    }

    @Test
    void manyConcurrentWatchersEachReceiveEveryEvent() {
        start(EmbeddedApiServer.builder());
        String rv = server.resourceVersion();
        int watchers = 40;
        int writes = 15;
        Flux<Long> counts = Flux.range(0, watchers)
                .flatMap(i -> api.watch(CMS + "?watch=true&resourceVersion=" + rv).take(writes).count(), watchers);
        Mono<Void> producer = Flux.range(0, writes)
                .concatMap(i -> api.post(CMS, update("many-" + i, "x")))
                .then();
        StepVerifier.create(counts.mergeWith(producer.then(Mono.empty())).collectList())
                .assertNext(list -> assertThat(list).hasSize(watchers).allMatch(count -> count == writes))
                .expectComplete()
                .verify(Duration.ofSeconds(30));
    }
}
