package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.test.StepVerifier;

class PodLogsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PODS = "/api/v1/namespaces/default/pods";

    private EmbeddedApiServer server;
    private RawApi api;

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.builder().start();
        api = new RawApi(server);
        String pod = "{\"metadata\":{\"name\":\"app\"},\"spec\":{\"containers\":[{\"name\":\"main\",\"image\":\"x\"},"
                + "{\"name\":\"sidecar\",\"image\":\"y\"}]}}";
        StepVerifier.create(api.post(PODS, pod)).expectNextCount(1).expectComplete().verify(WAIT);
        server.podLogs().set("default", "app", "main", List.of("one", "two", "three"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void logsHonourTailLinesTimestampsAndLimitBytes() {
        StepVerifier.create(Mono.zip(api.get(PODS + "/app/log?container=main"),
                        api.get(PODS + "/app/log?container=main&tailLines=2"),
                        api.get(PODS + "/app/log?container=main&timestamps=true&tailLines=1"),
                        api.get(PODS + "/app/log?container=main&limitBytes=6"),
                        api.get(PODS + "/app/log")))
                .assertNext(t -> {
                    assertThat(t.getT1().text()).isEqualTo("one\ntwo\nthree\n");
                    assertThat(t.getT1().headers().get("Content-Type")).startsWith("text/plain");
                    assertThat(t.getT2().text()).isEqualTo("two\nthree\n");
                    assertThat(t.getT3().text()).matches("\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z three\n");
                    assertThat(t.getT4().text()).isEqualTo("one\ntw");
                    assertThat(t.getT5().status()).isEqualTo(400);
                    assertThat(t.getT5().body().path("message").asText()).contains("choose one of: [main sidecar]");
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void followStreamsNewLinesUntilTheLogCloses() {
        HttpClient http = HttpClient.create().baseUrl(server.url().toString());
        StepVerifier.create(RawApi.lines(http.get().uri(PODS + "/app/log?container=main&follow=true&tailLines=1")
                        .responseContent().asString(StandardCharsets.UTF_8)))
                .expectNext("three")
                .then(() -> server.podLogs().append("default", "app", "main", "four"))
                .expectNext("four")
                .then(() -> server.podLogs().close("default", "app", "main"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void logsOfAMissingPodAreNotFound() {
        StepVerifier.create(api.get(PODS + "/ghost/log"))
                .assertNext(reply -> assertThat(reply.status()).isEqualTo(404))
                .expectComplete()
                .verify(WAIT);
    }
}
