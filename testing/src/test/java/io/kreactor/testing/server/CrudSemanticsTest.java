package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class CrudSemanticsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CMS = "/api/v1/namespaces/default/configmaps";
    private static final String DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";

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
    void createAssignsUidTimestampAndAGloballyIncreasingResourceVersion() {
        StepVerifier.create(api.post(CMS, RawApi.configMap("a", "", "\"k\":\"v\""))
                        .zipWhen(first -> api.post("/api/v1/namespaces/default/secrets",
                                "{\"metadata\":{\"name\":\"s\"},\"type\":\"Opaque\"}")))
                .assertNext(pair -> {
                    RawApi.Reply cm = pair.getT1();
                    RawApi.Reply secret = pair.getT2();
                    assertThat(cm.status()).isEqualTo(201);
                    assertThat(cm.body().path("metadata").path("uid").asText()).hasSize(36);
                    assertThat(cm.body().path("metadata").path("creationTimestamp").asText()).endsWith("Z");
                    assertThat(cm.body().path("metadata").has("generation")).isFalse();
                    assertThat(secret.body().path("kind").asText()).isEqualTo("Secret");
                    assertThat(Long.parseLong(secret.rv())).isGreaterThan(Long.parseLong(cm.rv()));
                })
                .verifyComplete();
    }

    @Test
    void updateWithAStaleResourceVersionIsAConflictStatus() {
        StepVerifier.create(api.post(CMS, RawApi.configMap("a", "", "\"k\":\"1\""))
                        .flatMap(created -> api.put(CMS + "/a", withData(created, "2"))
                                .then(api.put(CMS + "/a", withData(created, "3")))))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(409);
                    assertThat(reply.body().path("kind").asText()).isEqualTo("Status");
                    assertThat(reply.body().path("reason").asText()).isEqualTo("Conflict");
                    assertThat(reply.body().path("message").asText()).contains("configmaps \"a\"")
                            .contains("the object has been modified");
                    assertThat(reply.body().path("details").path("name").asText()).isEqualTo("a");
                    assertThat(reply.body().path("details").path("kind").asText()).isEqualTo("configmaps");
                })
                .verifyComplete();
        assertThat(server.get(gvr("", "v1", "configmaps"), "default", "a").path("data").path("k").asText())
                .isEqualTo("2");
    }

    @Test
    void updateWithoutResourceVersionIsUnconditionalAndANoOpUpdateWritesNothing() {
        StepVerifier.create(api.post(CMS, RawApi.configMap("a", "", "\"k\":\"1\""))
                        .flatMap(created -> api.put(CMS + "/a", RawApi.configMap("a", "", "\"k\":\"1\""))
                                .map(same -> same.rv().equals(created.rv()))))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(api.put(CMS + "/a", RawApi.configMap("a", "", "\"k\":\"2\"")))
                .assertNext(reply -> assertThat(reply.body().path("data").path("k").asText()).isEqualTo("2"))
                .verifyComplete();
    }

    @Test
    void generateNameProducesAUniqueNameWithTheGivenPrefix() {
        String body = "{\"metadata\":{\"generateName\":\"web-\"},\"data\":{}}";
        StepVerifier.create(api.post(CMS, body).zipWith(api.post(CMS, body)))
                .assertNext(pair -> {
                    String first = pair.getT1().body().path("metadata").path("name").asText();
                    String second = pair.getT2().body().path("metadata").path("name").asText();
                    assertThat(first).startsWith("web-").hasSize(9);
                    assertThat(second).startsWith("web-").isNotEqualTo(first);
                })
                .verifyComplete();
    }

    @Test
    void failuresAreStatusObjectsWithTheRightCodeAndReason() {
        StepVerifier.create(api.get(CMS + "/missing"))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(404);
                    assertThat(reply.body().path("reason").asText()).isEqualTo("NotFound");
                    assertThat(reply.body().path("message").asText()).isEqualTo("configmaps \"missing\" not found");
                    assertThat(reply.body().path("code").asInt()).isEqualTo(404);
                })
                .verifyComplete();
        StepVerifier.create(api.post(CMS, RawApi.configMap("a", "", "")).then(api.post(CMS, RawApi.configMap("a", "", ""))))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(409);
                    assertThat(reply.body().path("reason").asText()).isEqualTo("AlreadyExists");
                })
                .verifyComplete();
        StepVerifier.create(api.post(CMS, RawApi.configMap("Bad_Name", "", "")))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(422);
                    assertThat(reply.body().path("reason").asText()).isEqualTo("Invalid");
                    assertThat(reply.body().path("details").path("causes").get(0).path("field").asText())
                            .isEqualTo("metadata.name");
                })
                .verifyComplete();
        StepVerifier.create(api.post("/api/v1/namespaces/nowhere/configmaps", RawApi.configMap("a", "", "")))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(404);
                    assertThat(reply.body().path("message").asText()).isEqualTo("namespaces \"nowhere\" not found");
                })
                .verifyComplete();
        StepVerifier.create(api.post(CMS, "{\"metadata\":{\"name\":\"x\",\"namespace\":\"other\"}}"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(400))
                .verifyComplete();
    }

    @Test
    void generationMovesOnSpecChangesOnly() {
        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"app\":\"web\"}}}}";
        StepVerifier.create(api.post(DEPLOYS, deployment)
                        .flatMap(created -> {
                            assertThat(created.body().path("metadata").path("generation").asLong()).isEqualTo(1);
                            ObjectNodeEdit labelled = new ObjectNodeEdit(created.object());
                            labelled.object().withObjectProperty("metadata").withObjectProperty("labels").put("tier", "front");
                            return api.put(DEPLOYS + "/web", labelled.json());
                        })
                        .flatMap(labelled -> {
                            assertThat(labelled.body().path("metadata").path("generation").asLong()).isEqualTo(1);
                            ObjectNodeEdit scaled = new ObjectNodeEdit(labelled.object());
                            scaled.object().withObjectProperty("spec").put("replicas", 3);
                            return api.put(DEPLOYS + "/web", scaled.json());
                        }))
                .assertNext(scaled -> assertThat(scaled.body().path("metadata").path("generation").asLong())
                        .isEqualTo(2))
                .verifyComplete();
    }

    @Test
    void dryRunAnswersWithoutPersisting() {
        String before = server.resourceVersion();
        StepVerifier.create(api.post(CMS + "?dryRun=All", RawApi.configMap("dry", "", "")))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(201);
                    assertThat(reply.body().path("metadata").path("name").asText()).isEqualTo("dry");
                })
                .verifyComplete();
        assertThat(server.get(gvr("", "v1", "configmaps"), "default", "dry")).isNull();
        assertThat(server.resourceVersion()).isEqualTo(before);
    }

    @Test
    void jsonAndMergePatchesGoThroughTheUpdateRules() {
        StepVerifier.create(api.post(CMS, RawApi.configMap("p", "", "\"a\":\"1\""))
                        .then(api.patch(CMS + "/p", "application/merge-patch+json", "{\"data\":{\"b\":\"2\"}}"))
                        .then(api.patch(CMS + "/p", "application/json-patch+json",
                                "[{\"op\":\"remove\",\"path\":\"/data/a\"}]")))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body().path("data").has("a")).isFalse();
                    assertThat(reply.body().path("data").path("b").asText()).isEqualTo("2");
                })
                .verifyComplete();
        StepVerifier.create(api.patch(CMS + "/p", "application/merge-patch+json",
                        "{\"metadata\":{\"resourceVersion\":\"1\"},\"data\":{\"c\":\"3\"}}"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(409))
                .verifyComplete();
        StepVerifier.create(api.patch(CMS + "/p", "application/json-patch+json",
                        "[{\"op\":\"test\",\"path\":\"/data/b\",\"value\":\"nope\"}]"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(422))
                .verifyComplete();
    }

    static io.kreactor.core.api.GroupVersionResource gvr(String group, String version, String resource) {
        return new io.kreactor.core.api.GroupVersionResource(group, version, resource);
    }

    private static String withData(RawApi.Reply reply, String value) {
        ObjectNodeEdit edit = new ObjectNodeEdit(reply.object());
        edit.object().withObjectProperty("data").put("k", value);
        return edit.json();
    }

    /** A mutable copy of a reply body, to edit and send back. */
    record ObjectNodeEdit(com.fasterxml.jackson.databind.node.ObjectNode object) {
        ObjectNodeEdit {
            object = object.deepCopy();
        }

        String json() {
            return object.toString();
        }
    }
}
