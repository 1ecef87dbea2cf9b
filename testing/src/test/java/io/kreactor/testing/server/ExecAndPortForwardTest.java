package io.kreactor.testing.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.test.StepVerifier;

class ExecAndPortForwardTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmbeddedApiServer server;
    private HttpClient http;

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.builder().start();
        http = HttpClient.create().option(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                .baseUrl(server.url().toString().replace("http:", "ws:"));
        StepVerifier.create(new RawApi(server).post("/api/v1/namespaces/default/pods",
                        "{\"metadata\":{\"name\":\"shell\"},\"spec\":{\"containers\":[{\"name\":\"main\"}]}}"))
                .expectNextCount(1).expectComplete().verify(WAIT);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static BinaryWebSocketFrame frame(int channel, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte) channel}, data));
    }

    private static String decode(byte[] frame) {
        return (frame[0] & 0xff) + ":" + new String(frame, 1, frame.length - 1, StandardCharsets.UTF_8);
    }

    @Test
    void execRunsTheTestSuppliedProcessOverTheV5ChannelProtocol() {
        server.execHandler((call, stdin) -> new ContainerExec.Result(
                stdin.map(bytes -> new String(bytes, StandardCharsets.UTF_8).toUpperCase()
                        .getBytes(StandardCharsets.UTF_8)),
                Flux.just(String.join(" ", call.command()).getBytes(StandardCharsets.UTF_8)),
                stdin.then(Mono.just(3))));
        Flux<String> frames = http.websocket(WebsocketClientSpec.builder().protocols("v5.channel.k8s.io").build())
                .uri("/api/v1/namespaces/default/pods/shell/exec?command=tr&command=a-z&stdin=true&stdout=true")
                .handle((in, out) -> out.sendObject(Flux.just(frame(0, "hello"),
                                new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte) 255, 0}))))
                        .then()
                        .thenMany(in.receive().asByteArray().map(ExecAndPortForwardTest::decode)));
        StepVerifier.create(frames.collectList())
                .assertNext(list -> {
                    assertThat(list).contains("1:HELLO", "2:tr a-z");
                    String status = list.get(list.size() - 1);
                    assertThat(status).startsWith("3:").contains("NonZeroExitCode").contains("\"message\":\"3\"");
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void portForwardAnnouncesThePortOnEachChannelThenRelaysData() {
        server.portForwardHandler((namespace, pod, port, inbound) ->
                inbound.map(bytes -> ("echo:" + port + ":" + new String(bytes, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8)).take(1));
        Flux<byte[]> frames = http.websocket(WebsocketClientSpec.builder().protocols("v4.channel.k8s.io").build())
                .uri("/api/v1/namespaces/default/pods/shell/portforward?ports=8080")
                .handle((in, out) -> out.sendObject(Mono.just(frame(0, "ping"))).then()
                        .thenMany(in.receive().asByteArray()));
        StepVerifier.create(frames.take(3))
                .assertNext(first -> assertThat(Arrays.copyOf(first, 3)).containsExactly(0, 0x90, 0x1f))
                .assertNext(second -> assertThat(Arrays.copyOf(second, 3)).containsExactly(1, 0x90, 0x1f))
                .assertNext(data -> assertThat(decode(data)).isEqualTo("0:echo:8080:ping"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void execWithoutAWebSocketUpgradeIsABadRequest() {
        server.execHandler((call, stdin) -> new ContainerExec.Result(Flux.empty(), Flux.empty(), Mono.just(0)));
        StepVerifier.create(new RawApi(server).get("/api/v1/namespaces/default/pods/shell/exec?command=ls"))
                .assertNext(reply -> {
                    assertThat(reply.status()).isEqualTo(400);
                    assertThat(reply.body().path("message").asText()).contains("Upgrade request required");
                })
                .expectComplete()
                .verify(WAIT);
    }
}
