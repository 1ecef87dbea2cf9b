package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class DiscoveryTest {

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

    private static JsonNode resource(JsonNode list, String name) {
        for (JsonNode r : list.path("resources")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        return null;
    }

    @Test
    void legacyDiscoveryDescribesGroupsVersionsAndResources() {
        StepVerifier.create(Mono.zip(api.get("/version"), api.get("/api"), api.get("/apis"), api.get("/api/v1"),
                        api.get("/apis/apps/v1"), api.get("/apis/apps")))
                .assertNext(t -> {
                    assertThat(t.getT1().body().path("gitVersion").asText()).startsWith("v1.32");
                    assertThat(t.getT2().body().path("versions").get(0).asText()).isEqualTo("v1");
                    assertThat(t.getT3().body().path("groups").toString()).contains("\"name\":\"apps\"")
                            .contains("coordination.k8s.io").doesNotContain("\"name\":\"\"");
                    JsonNode pods = resource(t.getT4().body(), "pods");
                    assertThat(pods.path("kind").asText()).isEqualTo("Pod");
                    assertThat(pods.path("shortNames").get(0).asText()).isEqualTo("po");
                    assertThat(pods.path("namespaced").asBoolean()).isTrue();
                    assertThat(resource(t.getT4().body(), "pods/status")).isNotNull();
                    assertThat(resource(t.getT4().body(), "pods/log")).isNotNull();
                    assertThat(resource(t.getT4().body(), "namespaces").path("namespaced").asBoolean()).isFalse();
                    JsonNode scale = resource(t.getT5().body(), "deployments/scale");
                    assertThat(scale.path("group").asText()).isEqualTo("autoscaling");
                    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
                    assertThat(t.getT6().body().path("preferredVersion").path("groupVersion").asText())
                            .isEqualTo("apps/v1");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aggregatedDiscoveryIsServedWhenAskedForWithItsContentType() {
        String accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
        StepVerifier.create(Mono.zip(api.get("/api", accept), api.get("/apis", accept)))
                .assertNext(t -> {
                    assertThat(t.getT1().headers().get("Content-Type"))
                            .isEqualTo("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
                    assertThat(t.getT1().body().path("kind").asText()).isEqualTo("APIGroupDiscoveryList");
                    JsonNode core = t.getT1().body().path("items").get(0);
                    assertThat(core.path("metadata").path("name").asText()).isEmpty();
                    assertThat(core.path("versions").get(0).path("resources").toString())
                            .contains("\"resource\":\"pods\"").contains("\"scope\":\"Namespaced\"");
                    assertThat(t.getT2().body().path("items").toString()).contains("\"name\":\"apps\"")
                            .contains("\"subresource\":\"scale\"");
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void resourcesRegisteredFromJavaAreServed() {
        server.registerResource(ResourceType.builder("example.com", "v1", "gadgets", "Gadget").clusterScoped()
                .shortNames("gd").build());
        StepVerifier.create(api.post("/apis/example.com/v1/gadgets",
                                "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Gadget\",\"metadata\":{\"name\":\"g\"}}")
                        .then(api.get("/apis/example.com/v1/gadgets/g")))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(200);
                    assertThat(reply.body().path("metadata").has("namespace")).isFalse();
                })
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
