package io.kreactor.dynamic.streams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.dynamic.mapper.RestMapper;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.discovery.DiscoveryClient;
import io.kreactor.rest.stream.ExecOptions;
import io.kreactor.rest.stream.ExecProcess;
import io.kreactor.rest.stream.PodStreams;
import io.kreactor.testing.server.ContainerExec;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The discovery, RESTMapper and WebSocket stream clients against the embedded API server, whose discovery, exec
 * and port-forward endpoints were written independently of these clients. (In {@code dynamic} because
 * {@code reactive-rest} cannot depend on {@code kreactor-testing}, which depends on it.)
 */
class EmbeddedServerStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private EmbeddedApiServer server;
    private RestClient rest;
    private PodStreams streams;

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.builder().start();
        ObjectNode pod = (ObjectNode) KubernetesJson.mapper().createObjectNode().put("apiVersion", "v1").put("kind", "Pod");
        pod.putObject("metadata").put("name", "web").put("namespace", "default");
        pod.putObject("spec").putArray("containers").addObject().put("name", "app").put("image", "nginx");
        server.create(new GroupVersionResource("", "v1", "pods"), pod);
        rest = RestClient.create(server.clientConfig());
        streams = PodStreams.create(rest);
    }

    @AfterEach
    void stop() {
        streams.dispose();
        rest.dispose();
        server.close();
    }

    @Test
    void execNegotiatesV5ClosesStdinAndReportsTheExitCode() {
        server.execHandler((call, stdin) -> {
            Flux<byte[]> input = stdin.cache();
            return new ContainerExec.Result(
                    input.map(b -> new String(b, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)),
                    Flux.just(String.join(" ", call.command()).getBytes(StandardCharsets.UTF_8)),
                    // The "process" exits once its stdin is closed — which only the v5 close message can signal.
                    input.then(Mono.just(42)));
        });

        ExecOptions options = ExecOptions.command("tr", "a-z", "A-Z").withStdin(Flux.just("abc".getBytes(StandardCharsets.UTF_8)));
        StepVerifier.create(streams.exec("default", "web", options).flatMap(process -> Mono.zip(
                        Mono.just(process.protocol()),
                        text(process.stdout()), text(process.stderr()), process.exitCode())))
                .assertNext(t -> {
                    assertThat(t.getT1()).isEqualTo("v5.channel.k8s.io");
                    assertThat(t.getT2()).isEqualTo("ABC");
                    assertThat(t.getT3()).isEqualTo("tr a-z A-Z");
                    assertThat(t.getT4()).isEqualTo(42);
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void execOfZeroExitIsSuccess() {
        server.execHandler((call, stdin) -> new ContainerExec.Result(Flux.empty(), Flux.empty(), Mono.just(0)));
        StepVerifier.create(streams.exec("default", "web", ExecOptions.command("true")).flatMap(ExecProcess::exitCode))
                .expectNext(0)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void portForwardSessionReachesThePodPort() {
        server.portForwardHandler((ns, pod, port, inbound) -> inbound.map(b -> ("pong from " + port + ": "
                + new String(b, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)));

        StepVerifier.create(streams.portForward("default", "web", List.of(8080, 9090)).flatMap(session -> {
                    session.send(9090, Flux.just("ping".getBytes(StandardCharsets.UTF_8)));
                    return session.data(9090).map(b -> new String(b, StandardCharsets.UTF_8)).next().doFinally(s -> session.dispose());
                }))
                .expectNext("pong from 9090: ping")
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void restMapperResolvesAgainstTheServersDiscovery() {
        RestMapper mapper = RestMapper.create(DiscoveryClient.cached(DiscoveryClient.create(rest), Duration.ofMinutes(5)));
        StepVerifier.create(mapper.resolve("deploy"))
                .assertNext(m -> assertThat(m.resource()).isEqualTo(new GroupVersionResource("apps", "v1", "deployments")))
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(mapper.resolve("po"))
                .assertNext(m -> {
                    assertThat(m.resource()).isEqualTo(new GroupVersionResource("", "v1", "pods"));
                    assertThat(m.namespaced()).isTrue();
                })
                .expectComplete()
                .verify(WAIT);
    }

    private static Mono<String> text(Flux<byte[]> bytes) {
        return bytes.map(b -> new String(b, StandardCharsets.UTF_8)).collectList().map(l -> String.join("", l));
    }
}
