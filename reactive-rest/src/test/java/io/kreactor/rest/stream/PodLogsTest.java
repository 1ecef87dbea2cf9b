package io.kreactor.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.NotFoundException;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import io.kreactor.rest.RestClient;
import reactor.test.StepVerifier;

/** Pod logs against a local server that cuts lines and characters across chunks. */
class PodLogsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final byte[] LOG = "first line\nsécond ☃ line\n🚀 third\nunterminated".getBytes(StandardCharsets.UTF_8);

    private DisposableServer server;
    private RestClient rest;
    private PodStreams streams;
    private final AtomicReference<String> uri = new AtomicReference<>();
    private final Sinks.Empty<Void> followClosed = Sinks.empty();

    @BeforeEach
    void start() {
        server = HttpServer.create().host("127.0.0.1").port(0).route(r -> r
                .get("/api/v1/namespaces/shop/pods/web/log", (req, res) -> {
                    uri.set(req.uri());
                    if (req.uri().contains("follow=true")) {
                        res.withConnection(c -> c.onDispose(followClosed::tryEmitEmpty));
                        return res.sendString(Flux.interval(Duration.ofMillis(5)).map(i -> "tick " + i + "\n")).then();
                    }
                    // Every chunk is 3 bytes: lines and multi-byte characters are cut everywhere.
                    return res.send(Flux.range(0, (LOG.length + 2) / 3)
                            .map(i -> Unpooled.wrappedBuffer(Arrays.copyOfRange(LOG, i * 3, Math.min(LOG.length, i * 3 + 3))))
                            .delayElements(Duration.ofMillis(1))).then();
                })
                .get("/api/v1/namespaces/shop/pods/gone/log", (req, res) -> res.status(404)
                        .header("Content-Type", "application/json")
                        .sendString(reactor.core.publisher.Mono.just("{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"pods \\\"gone\\\" not found\",\"reason\":\"NotFound\",\"code\":404}")).then()))
                .bindNow();
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        streams = PodStreams.create(rest);
    }

    @AfterEach
    void stop() {
        streams.dispose();
        rest.dispose();
        server.disposeNow();
    }

    @Test
    void linesAreSplitAcrossChunksAndMultiByteCharactersDecodedWhole() {
        StepVerifier.create(streams.logs("shop", "web", LogOptions.DEFAULT))
                .expectNext("first line", "sécond ☃ line", "🚀 third", "unterminated")
                .expectComplete()
                .verify(WAIT);
        assertThat(uri.get()).isEqualTo("/api/v1/namespaces/shop/pods/web/log");
    }

    @Test
    void everyLogOptionIsSentAsItsQueryParameter() {
        LogOptions options = LogOptions.DEFAULT.withContainer("app").withPrevious(true).withTailLines(10L)
                .withTimestamps(true).withLimitBytes(4096L).withSinceTime(Instant.parse("2024-05-01T10:00:00Z"));
        StepVerifier.create(streams.logs("shop", "web", options)).expectNextCount(4).expectComplete().verify(WAIT);
        assertThat(uri.get()).isEqualTo("/api/v1/namespaces/shop/pods/web/log?container=app&limitBytes=4096"
                + "&previous=true&sinceTime=2024-05-01T10%3A00%3A00Z&tailLines=10&timestamps=true");

        StepVerifier.create(streams.logs("shop", "web", LogOptions.DEFAULT.withSinceSeconds(30L)))
                .expectNextCount(4).expectComplete().verify(WAIT);
        assertThat(uri.get()).endsWith("?sinceSeconds=30");
    }

    @Test
    void cancellingAFollowedLogClosesTheConnection() {
        StepVerifier.create(streams.logs("shop", "web", LogOptions.DEFAULT.withFollow(true)).take(3))
                .expectNext("tick 0", "tick 1", "tick 2")
                .expectComplete()
                .verify(WAIT);
        StepVerifier.create(followClosed.asMono()).expectComplete().verify(WAIT);
    }

    @Test
    void missingPodFailsWithNotFound() {
        StepVerifier.create(streams.logs("shop", "gone", LogOptions.DEFAULT))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NotFoundException.class).hasMessageContaining("\"gone\" not found"))
                .verify(WAIT);
    }

    @Test
    void invalidOptionsAreRejectedNamingTheField() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogOptions.DEFAULT.withTailLines(-1L))
                .hasMessage("tailLines must be at least 0, got -1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LogOptions.DEFAULT.withSinceSeconds(5L).withSinceTime(Instant.EPOCH))
                .hasMessage("at most one of sinceSeconds and sinceTime may be set");
    }

    @Test
    void splitterHandlesEveryPossibleCutOfTheInput() {
        for (int cut = 1; cut < LOG.length; cut++) {
            List<byte[]> chunks = List.of(Arrays.copyOfRange(LOG, 0, cut), Arrays.copyOfRange(LOG, cut, LOG.length));
            StepVerifier.create(LineSplitter.lines(Flux.fromIterable(chunks)), 0)
                    .thenRequest(1).expectNext("first line")
                    .thenRequest(10).expectNext("sécond ☃ line", "🚀 third", "unterminated")
                    .expectComplete()
                    .verify(WAIT);
        }
    }
}
