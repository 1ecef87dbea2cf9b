package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.testing.junit.ServerConditions;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class LifecycleAndSubresourcesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CMS = "/api/v1/namespaces/default/configmaps";
    private static final String DEPLOYS = "/apis/apps/v1/namespaces/default/deployments";
    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final GroupVersionResource NAMESPACES = new GroupVersionResource("", "v1", "namespaces");

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
    void deletingAnObjectWithFinalizersMarksItAndRemovingTheLastFinalizerDeletesIt() {
        String withFinalizer = "{\"metadata\":{\"name\":\"f\",\"finalizers\":[\"example.com/cleanup\"]}}";
        StepVerifier.create(api.post(CMS, withFinalizer).then(api.delete(CMS + "/f")))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body().path("metadata").path("deletionTimestamp").asText()).isNotEmpty();
                })
                .verifyComplete();
        assertThat(server.get(CONFIGMAPS, "default", "f")).isNotNull();
        String rv = server.resourceVersion();
        StepVerifier.create(api.patch(CMS + "/f", "application/merge-patch+json",
                                "{\"metadata\":{\"finalizers\":null}}")
                        .thenMany(api.watch(CMS + "?watch=true&resourceVersion=" + rv).take(1)))
                .assertNext(event -> {
                    assertThat(event.path("type").asText()).isEqualTo("DELETED");
                    assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo("f");
                })
                .expectComplete()
                .verify(WAIT);
        assertThat(server.get(CONFIGMAPS, "default", "f")).isNull();
    }

    @Test
    void deletePreconditionsAndPropagationPolicyAreChecked() {
        StepVerifier.create(api.post(CMS, RawApi.configMap("p", "", ""))
                        .then(api.delete(CMS + "/p", "{\"preconditions\":{\"uid\":\"not-the-uid\"}}")))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(409))
                .verifyComplete();
        StepVerifier.create(api.delete(CMS + "/p?propagationPolicy=Sideways"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(400))
                .verifyComplete();
        StepVerifier.create(api.delete(CMS + "/p?propagationPolicy=Foreground&gracePeriodSeconds=0"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(200))
                .verifyComplete();
    }

    @Test
    void deletingANamespaceRemovesItsObjectsThenTheNamespace() {
        String ns = "/api/v1/namespaces";
        StepVerifier.create(api.post(ns, "{\"metadata\":{\"name\":\"team\"}}")
                        .then(api.post(ns + "/team/configmaps", RawApi.configMap("a", "", "")))
                        .then(api.post(ns + "/team/configmaps",
                                "{\"metadata\":{\"name\":\"held\",\"finalizers\":[\"example.com/hold\"]}}"))
                        .then(api.delete(ns + "/team")))
                .assertNext(reply -> assertThat(reply.body().path("status").path("phase").asText())
                        .isEqualTo("Terminating"))
                .verifyComplete();
        StepVerifier.create(ServerConditions.deleted(server, CONFIGMAPS, "team", "a")
                        .then(api.post(ns + "/team/configmaps", RawApi.configMap("new", "", ""))))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(403))
                .expectComplete()
                .verify(WAIT);
        assertThat(server.get(NAMESPACES, null, "team")).isNotNull();
        assertThat(server.get(CONFIGMAPS, "team", "held").path("metadata").has("deletionTimestamp")).isTrue();
        StepVerifier.create(api.patch(ns + "/team/configmaps/held", "application/merge-patch+json",
                                "{\"metadata\":{\"finalizers\":null}}")
                        .then(ServerConditions.deleted(server, NAMESPACES, null, "team")))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void statusSubresourceChangesOnlyStatusAndMainWritesKeepIt() {
        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}}},"
                + "\"status\":{\"replicas\":99}}";
        StepVerifier.create(api.post(DEPLOYS, deployment))
                .assertNext(created -> assertThat(created.body().has("status")).isFalse())
                .verifyComplete();
        StepVerifier.create(api.put(DEPLOYS + "/web/status", "{\"metadata\":{\"name\":\"web\"},"
                        + "\"spec\":{\"replicas\":7},\"status\":{\"replicas\":2,\"readyReplicas\":2}}"))
                .assertNext(reply -> {
                    assertThat(reply.body().path("status").path("readyReplicas").asInt()).isEqualTo(2);
                    assertThat(reply.body().path("spec").path("replicas").asInt()).isEqualTo(2);
                    assertThat(reply.body().path("metadata").path("generation").asInt()).isEqualTo(1);
                })
                .verifyComplete();
        StepVerifier.create(api.put(DEPLOYS + "/web", "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":3,"
                        + "\"selector\":{\"matchLabels\":{\"app\":\"web\"}}},\"status\":{\"replicas\":0}}"))
                .assertNext(reply -> {
                    assertThat(reply.body().path("status").path("readyReplicas").asInt()).isEqualTo(2);
                    assertThat(reply.body().path("spec").path("replicas").asInt()).isEqualTo(3);
                    assertThat(reply.body().path("metadata").path("generation").asInt()).isEqualTo(2);
                })
                .verifyComplete();
    }

    @Test
    void scaleSubresourceReadsAndWritesTheReplicas() {
        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"web\"},"
                + "\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}}}}";
        StepVerifier.create(api.post(DEPLOYS, deployment).then(api.get(DEPLOYS + "/web/scale")))
                .assertNext(scale -> {
                    assertThat(scale.body().path("kind").asText()).isEqualTo("Scale");
                    assertThat(scale.body().path("apiVersion").asText()).isEqualTo("autoscaling/v1");
                    assertThat(scale.body().path("spec").path("replicas").asInt()).isEqualTo(2);
                    assertThat(scale.body().path("status").path("selector").asText()).isEqualTo("app=web");
                })
                .verifyComplete();
        StepVerifier.create(api.put(DEPLOYS + "/web/scale", "{\"metadata\":{\"name\":\"web\"},\"spec\":{\"replicas\":5}}")
                        .then(api.patch(DEPLOYS + "/web/scale", "application/merge-patch+json",
                                "{\"spec\":{\"replicas\":6}}"))
                        .then(api.get(DEPLOYS + "/web")))
                .assertNext(reply -> {
                    assertThat(reply.body().path("spec").path("replicas").asInt()).isEqualTo(6);
                    assertThat(reply.body().path("metadata").path("generation").asInt()).isEqualTo(3);
                })
                .verifyComplete();
        StepVerifier.create(api.put(DEPLOYS + "/web/scale",
                        "{\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"1\"},\"spec\":{\"replicas\":1}}"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(409))
                .verifyComplete();
    }

    @Test
    void serverSideApplyCreatesThenReportsConflictsUnlessForced() {
        String applied = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"ssa\"},"
                + "\"data\":{\"k\":\"a\"}}";
        String other = applied.replace("\"a\"", "\"b\"");
        StepVerifier.create(api.patch(CMS + "/ssa?fieldManager=alice", "application/apply-patch+yaml", applied)
                        .then(api.patch(CMS + "/ssa?fieldManager=bob", "application/apply-patch+yaml", other)))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(409);
                    assertThat(reply.body().path("reason").asText()).isEqualTo("Conflict");
                    assertThat(reply.body().path("details").path("causes").get(0).path("field").asText())
                            .isEqualTo(".data.k");
                })
                .verifyComplete();
        StepVerifier.create(api.patch(CMS + "/ssa?fieldManager=bob&force=true", "application/apply-patch+yaml", other))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body().path("data").path("k").asText()).isEqualTo("b");
                    assertThat(reply.body().path("metadata").path("managedFields").get(0).path("manager").asText())
                            .isEqualTo("bob");
                })
                .verifyComplete();
        StepVerifier.create(api.patch(CMS + "/ssa", "application/apply-patch+yaml", other))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(422))
                .verifyComplete();
    }

    @Test
    void customResourceDefinitionsServeTheirResourceOnceCreated() {
        String crd = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
                + "\"metadata\":{\"name\":\"widgets.example.com\"},\"spec\":{\"group\":\"example.com\","
                + "\"scope\":\"Namespaced\",\"names\":{\"plural\":\"widgets\",\"singular\":\"widget\","
                + "\"kind\":\"Widget\",\"shortNames\":[\"wd\"]},\"versions\":[{\"name\":\"v1\",\"served\":true,"
                + "\"storage\":true,\"subresources\":{\"status\":{}},\"schema\":{\"openAPIV3Schema\":"
                + "{\"type\":\"object\",\"x-kubernetes-preserve-unknown-fields\":true}}}]}}";
        String widgets = "/apis/example.com/v1/namespaces/default/widgets";
        StepVerifier.create(api.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(201);
                    assertThat(reply.body().path("status").path("conditions").toString()).contains("Established");
                })
                .verifyComplete();
        StepVerifier.create(api.get("/apis/example.com/v1")
                        .zipWith(api.post(widgets, "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\","
                                + "\"metadata\":{\"name\":\"w1\"},\"spec\":{\"size\":3}}")))
                .assertNext(pair -> {
                    assertThat(pair.getT1().body().path("resources").toString()).contains("\"widgets\"")
                            .contains("widgets/status");
                    assertThat(pair.getT2().status()).isEqualTo(201);
                    assertThat(pair.getT2().body().path("metadata").path("generation").asInt()).isEqualTo(1);
                })
                .verifyComplete();
        StepVerifier.create(api.delete("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
                        .then(Mono.defer(() -> server.until(s -> s.resources().stream()
                                .noneMatch(t -> t.plural().equals("widgets")))))
                        .then(api.get(widgets)))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(404))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void serverSideApplyOnCustomResourcesFollowsTheCrdSchemaListTypes() {
        String crd = "{\"apiVersion\":\"apiextensions.k8s.io/v1\",\"kind\":\"CustomResourceDefinition\","
                + "\"metadata\":{\"name\":\"pools.example.com\"},\"spec\":{\"group\":\"example.com\","
                + "\"scope\":\"Namespaced\",\"names\":{\"plural\":\"pools\",\"kind\":\"Pool\"},"
                + "\"versions\":[{\"name\":\"v1\",\"served\":true,\"storage\":true,\"schema\":{\"openAPIV3Schema\":"
                + "{\"type\":\"object\",\"properties\":{\"spec\":{\"type\":\"object\",\"properties\":{\"members\":"
                + "{\"type\":\"array\",\"x-kubernetes-list-type\":\"map\",\"x-kubernetes-list-map-keys\":[\"name\"],"
                + "\"items\":{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
                + "\"weight\":{\"type\":\"integer\"}}}}}}}}}}]}}";
        String pools = "/apis/example.com/v1/namespaces/default/pools/p";
        String alice = "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Pool\",\"metadata\":{\"name\":\"p\"},"
                + "\"spec\":{\"members\":[{\"name\":\"a\",\"weight\":1}]}}";
        String bob = alice.replace("\"a\"", "\"b\"").replace("\"weight\":1", "\"weight\":2");
        StepVerifier.create(api.post("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd)
                        .then(Mono.defer(() -> server.until(s -> s.resources().stream()
                                .anyMatch(t -> t.plural().equals("pools")))))
                        .then(api.patch(pools + "?fieldManager=alice", "application/apply-patch+yaml", alice))
                        .then(api.patch(pools + "?fieldManager=bob", "application/apply-patch+yaml", bob)))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body().path("spec").path("members").toString())
                            .contains("\"name\":\"a\"").contains("\"name\":\"b\"");
                })
                .expectComplete()
                .verify(WAIT);
    }
}
