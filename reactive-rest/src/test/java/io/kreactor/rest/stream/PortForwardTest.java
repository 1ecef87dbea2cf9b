package io.kreactor.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.tcp.TcpClient;
import reactor.test.StepVerifier;

/** Port-forward streams and the local listener against a local server speaking the v4 port-forward framing. */
class PortForwardTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ChannelProtocolServer server;
    private RestClient rest;
    private PodStreams streams;

    @BeforeEach
    void start() {
        server = new ChannelProtocolServer();
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        streams = PodStreams.create(rest);
    }

    @AfterEach
    void stop() {
        streams.dispose();
        rest.dispose();
        server.dispose();
    }

    private static Flux<byte[]> text(String... parts) {
        return Flux.just(parts).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void dataAndErrorChannelsStartWithThePortWhichIsStripped() {
        StepVerifier.create(streams.portForward("shop", "web", List.of(8080)).flatMap(session -> {
                    session.send(8080, text("ping", "boom", "pong"));
                    Mono<List<String>> data = session.data(8080).map(b -> new String(b, StandardCharsets.UTF_8)).take(2).collectList();
                    Mono<String> error = session.errors(8080).next();
                    return Mono.zip(data, error).doFinally(s -> session.dispose());
                }))
                .assertNext(t -> {
                    assertThat(t.getT1()).containsExactly("echo:ping", "echo:pong");
                    assertThat(t.getT2()).isEqualTo("error forwarding port 8080: boom");
                })
                .expectComplete()
                .verify(WAIT);
        assertThat(server.lastUri.get()).isEqualTo("/api/v1/namespaces/shop/pods/web/portforward?ports=8080");
    }

    @Test
    void localListenerForwardsEachAcceptedConnection() {
        LocalPortForward forward = streams.forwardLocalPort("shop", "web", 0, 5432).block(WAIT);
        try {
            assertThat(forward.localPort()).isPositive();
            assertThat(forward.remotePort()).isEqualTo(5432);
            for (String message : List.of("first", "second")) {
                StepVerifier.create(TcpClient.create().host("127.0.0.1").port(forward.localPort()).connect()
                                .flatMap(c -> c.outbound().sendString(Mono.just(message)).then()
                                        .then(c.inbound().receive().asString().next())
                                        .doFinally(s -> c.dispose())))
                        .expectNext("echo:" + message)
                        .expectComplete()
                        .verify(WAIT);
            }
            assertThat(server.lastUri.get()).endsWith("ports=5432");
        } finally {
            forward.dispose();
        }
    }

    @Test
    void invalidPortsAreRejected() {
        StepVerifier.create(streams.portForward("shop", "web", List.of(0)))
                .expectErrorMessage("ports must be 1 to 65535, at least one, got [0]")
                .verify(WAIT);
    }
}
