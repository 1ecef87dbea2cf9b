package io.kreactor.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

@EmbeddedApiServerTest
class EmbeddedApiServerExtensionTest {

    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final EmbeddedApiServer server;

    EmbeddedApiServerExtensionTest(EmbeddedApiServer server) {
        this.server = server;
    }

    private static ObjectNode configMap(String name) {
        ObjectNode cm = KubernetesJson.mapper().createObjectNode();
        cm.put("apiVersion", "v1").put("kind", "ConfigMap");
        cm.putObject("metadata").put("name", name);
        cm.putObject("data").put("greeting", "hello");
        return cm;
    }

    @Test
    void injectsTheServerAndAClientConfiguredForIt(EmbeddedApiServer injected, ClientConfig config) {
        assertThat(injected).isSameAs(server);
        assertThat(config.server()).isEqualTo(server.url());
        assertThat(config.namespace()).isEqualTo("default");
    }

    @Test
    void theInjectedRestClientCreatesObjectsTheServerStores(RestClient client) {
        StepVerifier.create(client.post().groupVersion(GroupVersion.CORE_V1).namespace("default")
                        .resource("configmaps").body(configMap("from-client")).retrieve(ObjectNode.class))
                .assertNext(created -> assertThat(created.path("metadata").path("uid").asText()).isNotEmpty())
                .expectComplete()
                .verify(WAIT);
        assertThat(server.get(CONFIGMAPS, "default", "from-client").path("data").path("greeting").asText())
                .isEqualTo("hello");
    }

    @Test
    void aClientWatchSeesObjectsCreatedThroughTheJavaApi(RestClient client) {
        String rv = server.resourceVersion();
        StepVerifier.create(client.get().groupVersion(GroupVersion.CORE_V1).namespace("default")
                        .resource("configmaps").options(WatchOptions.DEFAULT.withResourceVersion(rv))
                        .watch(ObjectNode.class)
                        .take(1)
                        .mergeWith(ServerConditions.watchersAtLeast(server, 1)
                                .then(reactor.core.publisher.Mono.fromRunnable(
                                        () -> server.create(CONFIGMAPS, configMap("seen-by-watch"))))
                                .then(reactor.core.publisher.Mono.empty())))
                .assertNext(event -> {
                    assertThat(event.type()).isEqualTo(WatchEventType.ADDED);
                    assertThat(event.object().path("metadata").path("name").asText()).isEqualTo("seen-by-watch");
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void serverConditionsCompleteWhenTheStateIsReached() {
        StepVerifier.create(ServerConditions.exists(server, CONFIGMAPS, "default", "later")
                        .mergeWith(reactor.core.publisher.Mono.fromRunnable(
                                () -> server.create(CONFIGMAPS, configMap("later")))))
                .assertNext(object -> assertThat(object.path("metadata").path("name").asText()).isEqualTo("later"))
                .expectComplete()
                .verify(WAIT);
    }
}
