package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class SelectorsAndPaginationTest {

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

    private Mono<Void> seed(int count) {
        return Flux.range(0, count)
                .concatMap(i -> api.post(CMS, RawApi.configMap(String.format("cm-%02d", i),
                        "\"parity\":\"" + (i % 2 == 0 ? "even" : "odd") + "\",\"index\":\"" + i + "\"", "")))
                .then();
    }

    private static List<String> names(RawApi.Reply reply) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : reply.body().path("items")) {
            names.add(item.path("metadata").path("name").asText());
        }
        return names;
    }

    @Test
    void labelSelectorsSupportEqualityAndSetBasedRequirements() {
        StepVerifier.create(seed(6).then(Mono.zip(
                        api.get(CMS + "?labelSelector=parity%3Deven"),
                        api.get(CMS + "?labelSelector=parity!%3Deven"),
                        api.get(CMS + "?labelSelector=index%20in%20(1,2,3),parity%3D%3Dodd"),
                        api.get(CMS + "?labelSelector=index%20notin%20(0,1,2,3,4)"),
                        api.get(CMS + "?labelSelector=!parity"),
                        api.get(CMS + "?labelSelector=parity"))))
                .assertNext(t -> {
                    assertThat(names(t.getT1())).containsExactly("cm-00", "cm-02", "cm-04");
                    assertThat(names(t.getT2())).containsExactly("cm-01", "cm-03", "cm-05");
                    assertThat(names(t.getT3())).containsExactly("cm-01", "cm-03");
                    assertThat(names(t.getT4())).containsExactly("cm-05");
                    assertThat(names(t.getT5())).isEmpty();
                    assertThat(names(t.getT6())).hasSize(6);
                })
                .verifyComplete();
    }

    @Test
    void malformedLabelSelectorIsABadRequest() {
        StepVerifier.create(api.get(CMS + "?labelSelector=a%20in%20x"))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(400);
                    assertThat(reply.body().path("reason").asText()).isEqualTo("BadRequest");
                })
                .verifyComplete();
    }

    @Test
    void fieldSelectorsCoverMetadataAndPerKindFields() {
        String pods = "/api/v1/namespaces/default/pods";
        String secrets = "/api/v1/namespaces/default/secrets";
        Mono<Void> setup = api.post(pods, pod("a", "node-1"))
                .then(api.post(pods, pod("b", "node-2")))
                .then(api.put(pods + "/b/status", "{\"metadata\":{\"name\":\"b\"},\"status\":{\"phase\":\"Running\"}}"))
                .then(api.post(secrets, "{\"metadata\":{\"name\":\"tls\"},\"type\":\"kubernetes.io/tls\"}"))
                .then(api.post(secrets, "{\"metadata\":{\"name\":\"plain\"},\"type\":\"Opaque\"}"))
                .then();
        StepVerifier.create(setup.then(Mono.zip(
                        api.get(pods + "?fieldSelector=spec.nodeName%3Dnode-1"),
                        api.get(pods + "?fieldSelector=status.phase%3DRunning"),
                        api.get(pods + "?fieldSelector=status.phase!%3DRunning,metadata.name%3Da"),
                        api.get(secrets + "?fieldSelector=type%3Dkubernetes.io/tls"),
                        api.get("/api/v1/pods?fieldSelector=metadata.namespace%3Ddefault"),
                        api.get(pods + "?fieldSelector=spec.unknown%3Dx"))))
                .assertNext(t -> {
                    assertThat(names(t.getT1())).containsExactly("a");
                    assertThat(names(t.getT2())).containsExactly("b");
                    assertThat(names(t.getT3())).containsExactly("a");
                    assertThat(names(t.getT4())).containsExactly("tls");
                    assertThat(names(t.getT5())).containsExactly("a", "b");
                    assertThat(t.getT6().status()).isEqualTo(400);
                    assertThat(t.getT6().body().path("message").asText())
                            .isEqualTo("field label not supported: spec.unknown");
                })
                .verifyComplete();
    }

    @Test
    void paginationReadsOneConsistentSnapshotAcrossPages() {
        StepVerifier.create(seed(5)
                        .then(api.get(CMS + "?limit=2"))
                        .flatMap(first -> {
                            assertThat(names(first)).containsExactly("cm-00", "cm-01");
                            assertThat(first.body().path("metadata").path("remainingItemCount").asLong()).isEqualTo(3);
                            String token = first.body().path("metadata").path("continue").asText();
                            // Writes after the first page must not show in later pages.
                            return api.delete(CMS + "/cm-03")
                                    .then(api.post(CMS, RawApi.configMap("cm-99", "", "")))
                                    .then(api.get(CMS + "?limit=2&continue=" + token))
                                    .flatMap(second -> {
                                        assertThat(names(second)).containsExactly("cm-02", "cm-03");
                                        assertThat(second.rv()).isEqualTo(first.rv());
                                        return api.get(CMS + "?limit=2&continue="
                                                + second.body().path("metadata").path("continue").asText());
                                    });
                        }))
                .assertNext(last -> {
                    assertThat(names(last)).containsExactly("cm-04");
                    assertThat(last.body().path("metadata").has("continue")).isFalse();
                })
                .verifyComplete();
    }

    @Test
    void continueTokenExpiresWhenHistoryIsCompactedOrByFault() {
        StepVerifier.create(seed(4).then(api.get(CMS + "?limit=1")).flatMap(first -> {
                    String token = first.body().path("metadata").path("continue").asText();
                    return api.post(CMS, RawApi.configMap("later", "", ""))
                            .then(Mono.fromRunnable(server.faults()::compactHistory))
                            .then(api.get(CMS + "?limit=1&continue=" + token));
                }))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(410);
                    assertThat(reply.body().path("reason").asText()).isEqualTo("Expired");
                })
                .verifyComplete();
        StepVerifier.create(api.get(CMS + "?limit=1").flatMap(first -> {
                    server.faults().expireContinueTokens();
                    return api.get(CMS + "?limit=1&continue=" + first.body().path("metadata").path("continue").asText());
                }))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(410))
                .verifyComplete();
    }

    @Test
    void listResourceVersionSemanticsFollowTheApiConcepts() {
        StepVerifier.create(seed(2).then(api.get(CMS)).flatMap(list -> {
                    String rv = list.rv();
                    return api.delete(CMS + "/cm-00").then(Mono.zip(
                            api.get(CMS + "?resourceVersion=" + rv + "&resourceVersionMatch=Exact"),
                            api.get(CMS + "?resourceVersion=0"),
                            api.get(CMS + "?resourceVersion=999999"),
                            api.get(CMS + "?resourceVersion=abc")));
                }))
                .assertNext(t -> {
                    assertThat(names(t.getT1())).containsExactly("cm-00", "cm-01");
                    assertThat(names(t.getT2())).containsExactly("cm-01");
                    assertThat(t.getT3().status()).isEqualTo(504);
                    assertThat(t.getT4().status()).isEqualTo(400);
                })
                .verifyComplete();
    }

    private static String pod(String name, String node) {
        return "{\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"nodeName\":\"" + node + "\",\"containers\":"
                + "[{\"name\":\"main\",\"image\":\"busybox\"}]}}";
    }
}
