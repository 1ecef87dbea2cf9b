package io.kreactor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.HttpProtocol;
import io.kreactor.core.errors.GoneException;
import io.kreactor.core.errors.TransportException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.test.StepVerifier;

/**
 * Watches, lists and streams against a real Reactor Netty server on a loopback port: chunk boundaries anywhere,
 * ERROR events, 410, the server ending or breaking the stream, backpressure, cancellation, buffer leaks.
 */
class WatchStreamTest {

    // Generous: the first exchange of a cold, instrumented JVM on a shared machine can take many seconds.
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PODS = "/api/v1/namespaces/ns/pods";

    private static DisposableServer server;
    private static final AtomicReference<BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>>> HANDLER =
            new AtomicReference<>();
    private static final AtomicReference<String> LAST_URI = new AtomicReference<>();
    private static final AtomicReference<String> LAST_PROTOCOL = new AtomicReference<>();

    private RestClient rest;

    /** The object type the tests watch. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Item(Meta metadata, String data) {
    }

    /** Its metadata. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(String name, String resourceVersion) {
    }

    @BeforeAll
    static void startServer() {
        server = HttpServer.create().host("127.0.0.1").port(0)
                .protocol(reactor.netty.http.HttpProtocol.HTTP11, reactor.netty.http.HttpProtocol.H2C)
                .handle((req, res) -> {
                    LAST_URI.set(req.uri());
                    LAST_PROTOCOL.set(req.version().text());
                    return HANDLER.get().apply(req, res);
                })
                .bindNow(WAIT);
    }

    @AfterAll
    static void stopServerAndCheckForLeaks() {
        server.disposeNow(WAIT);
        assertThat(LeakRecorder.isInstalled()).as("paranoid leak recorder installed").isTrue();
        assertThat(LeakRecorder.collectLeaks()).as("leaked Netty buffers").isEmpty();
    }

    @BeforeEach
    void client() {
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build(), WarningHandler.ignore());
    }

    @AfterEach
    void disposeClient() {
        rest.dispose();
    }

    private static String event(String type, String name, String rv, String data) {
        return "{\"type\":\"" + type + "\",\"object\":{\"kind\":\"Pod\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\""
                + name + "\",\"resourceVersion\":\"" + rv + "\"},\"data\":\"" + data + "\"}}\n";
    }

    private static Flux<ByteBuf> chunks(byte[] bytes, int size) {
        List<ByteBuf> list = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += size) {
            list.add(Unpooled.wrappedBuffer(bytes, i, Math.min(size, bytes.length - i)));
        }
        return Flux.fromIterable(list);
    }

    private static Flux<ByteBuf> utf8(Flux<String> strings) {
        return strings.map(str -> Unpooled.copiedBuffer(str, StandardCharsets.UTF_8));
    }

    private static void serve(BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> handler) {
        HANDLER.set(handler);
    }

    private Flux<WatchEvent<Item>> watchPods() {
        return rest.get().groupVersion(GroupVersion.CORE_V1).namespace("ns").resource("pods")
                .options(WatchOptions.DEFAULT.withResourceVersion("10").withAllowWatchBookmarks(true))
                .watch(Item.class);
    }

    @Test
    void watchDecodesEventsWhateverTheChunkBoundariesIncludingInsideMultiByteCharacters() {
        String text = "h\u00e9llo \u540d\u524d \uD83D\uDE80";
        byte[] body = (event("ADDED", "a", "11", text) + event("MODIFIED", "a", "12", text + "!")
                + event("DELETED", "a", "13", "") + "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Pod\","
                + "\"metadata\":{\"resourceVersion\":\"14\"}}}\n").getBytes(StandardCharsets.UTF_8);
        for (int size : new int[] {1, 2, 3, 5, 7, 13, 64, body.length}) {
            serve((req, res) -> res.header("Content-Type", "application/json").send(chunks(body, size), b -> true));

            StepVerifier.create(watchPods())
                    .assertNext(e -> {
                        assertThat(e.type()).isEqualTo(WatchEventType.ADDED);
                        assertThat(e.object().data()).isEqualTo(text);
                        assertThat(e.object().metadata().resourceVersion()).isEqualTo("11");
                    })
                    .assertNext(e -> assertThat(e.object().data()).isEqualTo(text + "!"))
                    .assertNext(e -> assertThat(e.type()).isEqualTo(WatchEventType.DELETED))
                    .assertNext(e -> {
                        assertThat(e.type()).isEqualTo(WatchEventType.BOOKMARK);
                        assertThat(e.object().metadata().resourceVersion()).isEqualTo("14");
                    })
                    .as("chunk size " + size)
                    .expectComplete()
                    .verify(WAIT);
        }
        assertThat(LAST_URI.get()).isEqualTo(PODS + "?allowWatchBookmarks=true&resourceVersion=10&watch=true");
    }

    @Test
    void errorEventIsEmittedAsAnItemCarryingItsStatus() {
        String error = "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                + "\"message\":\"too old resource version: 10 (20)\",\"reason\":\"Expired\",\"code\":410}}\n";
        serve((req, res) -> res.sendString(Flux.just(event("ADDED", "a", "11", "x"), error)));

        StepVerifier.create(watchPods())
                .assertNext(e -> assertThat(e.type()).isEqualTo(WatchEventType.ADDED))
                .assertNext(e -> {
                    assertThat(e.isError()).isTrue();
                    assertThat(e.status().code()).isEqualTo(410);
                    assertThat(e.status().reason()).isEqualTo("Expired");
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void http410AnswerToAWatchIsAGoneException() {
        serve((req, res) -> res.status(410).header("Content-Type", "application/json").sendString(Mono.just(
                "{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"too old\",\"reason\":\"Expired\",\"code\":410}")));

        StepVerifier.create(watchPods())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(GoneException.class).hasMessageContaining("too old"))
                .verify(WAIT);
    }

    @Test
    void watchEndedByTheServerCompletes() {
        serve((req, res) -> res.sendString(Flux.just(event("ADDED", "a", "11", "x"), event("ADDED", "b", "12", "y"))));

        StepVerifier.create(watchPods()).expectNextCount(2).expectComplete().verify(WAIT);
    }

    @Test
    void watchBrokenOffByTheServerDeliversWhatArrivedThenFailsWithATransportError() {
        serve((req, res) -> res.send(Flux.concat(
                Mono.just(Unpooled.copiedBuffer(event("ADDED", "a", "11", "x") + "{\"type\":\"MODIF", StandardCharsets.UTF_8)),
                Mono.error(new IllegalStateException("server gives up"))), b -> true));

        StepVerifier.create(watchPods())
                .assertNext(e -> assertThat(e.object().metadata().name()).isEqualTo("a"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageStartingWith("GET http://127.0.0.1:" + server.port() + PODS))
                .verify(WAIT);
    }

    @Test
    void cancellingAWatchClosesTheConnection() {
        Sinks.Empty<Void> closed = Sinks.empty();
        serve((req, res) -> {
            res.withConnection(c -> c.channel().closeFuture().addListener(f -> closed.tryEmitEmpty()));
            return res.send(utf8(Flux.concat(Mono.just(event("ADDED", "a", "11", "x")), Mono.never())), b -> true);
        });

        StepVerifier.create(watchPods().take(1)).expectNextCount(1).expectComplete().verify(WAIT);
        StepVerifier.create(closed.asMono()).expectComplete().verify(WAIT);
    }

    @Test
    void cancellingAnHttp2WatchResetsItsStream() {
        RestClient h2 = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port())
                .httpProtocol(HttpProtocol.HTTP_2).build(), WarningHandler.ignore());
        Sinks.Empty<Void> closed = Sinks.empty();
        serve((req, res) -> {
            res.withConnection(c -> c.channel().closeFuture().addListener(f -> closed.tryEmitEmpty()));
            return res.send(utf8(Flux.concat(Mono.just(event("ADDED", "a", "11", "x")), Mono.never())), b -> true);
        });
        try {
            StepVerifier.create(h2.get().absPath(PODS).watch(Item.class).take(1)).expectNextCount(1).expectComplete().verify(WAIT);
            StepVerifier.create(closed.asMono()).expectComplete().verify(WAIT);
            assertThat(LAST_PROTOCOL.get()).isEqualTo("HTTP/2.0");
        } finally {
            h2.dispose();
        }
    }

    @Test
    void manyConcurrentHttp2WatchesShareOneConnection() {
        // Its own server, so the stream limit the client must respect is explicit: 500 streams per connection.
        Set<Object> connections = ConcurrentHashMap.newKeySet();
        DisposableServer h2Server = HttpServer.create().host("127.0.0.1").port(0)
                .protocol(reactor.netty.http.HttpProtocol.H2C)
                .http2Settings(settings -> settings.maxConcurrentStreams(500))
                .handle((req, res) -> {
                    res.withConnection(c -> connections.add(c.channel().parent().id()));
                    return res.send(utf8(Flux.concat(Mono.just(event("ADDED", "a", "11", "x")), Mono.never())), b -> true);
                })
                .bindNow(WAIT);
        RestClient h2 = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + h2Server.port())
                .httpProtocol(HttpProtocol.HTTP_2).qps(0).build(), WarningHandler.ignore());
        int watches = 300;
        try {
            // Each stream sends one event and stays open, so all 300 watches are open at once when the 300th event
            // arrives; only then are they cancelled. Cancelling each watch after its own event instead sent a
            // RST_STREAM per watch while others were still waiting, and past 200 resets in 30 s Netty's server
            // (its HTTP/2 rapid-reset guard) closes the whole connection, failing the watches still open.
            StepVerifier.create(Flux.range(0, watches)
                            .flatMap(i -> h2.get().absPath(PODS).watch(Item.class), watches)
                            .take(watches)
                            .count())
                    .expectNext((long) watches)
                    .expectComplete()
                    .verify(WAIT);
            assertThat(connections).as("TCP connections used by %d concurrent HTTP/2 watches", watches).hasSize(1);
        } finally {
            h2.dispose();
            h2Server.disposeNow(WAIT);
        }
    }

    @Test
    void manyConcurrentHttp11WatchesEachGetAConnectionOfTheirOwn() {
        // HTTP/1.1 cannot multiplex: each open watch holds a connection, so the pool must hand out one per watch.
        serve((req, res) -> res.send(utf8(Flux.concat(Mono.just(event("ADDED", "a", "11", "x")), Mono.never())), b -> true));
        int watches = 30;
        StepVerifier.create(Flux.range(0, watches)
                        .flatMap(i -> rest.get().absPath(PODS).watch(Item.class).take(1), watches)
                        .count())
                .expectNext((long) watches)
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void slowSubscriberHoldsBackTheServerInsteadOfBufferingTheWholeStream() {
        int total = 100_000;
        String padding = "p".repeat(1000);
        AtomicInteger produced = new AtomicInteger();
        serve((req, res) -> res.sendString(Flux.range(0, total)
                .map(i -> event("ADDED", "n" + i, Integer.toString(i), padding))
                .doOnNext(e -> produced.incrementAndGet())));

        StepVerifier.create(watchPods(), 0)
                .thenRequest(10)
                .expectNextCount(10)
                // Give an unbounded reader the chance to pull the whole 100 MB stream; a backpressured one stalls.
                .thenAwait(Duration.ofMillis(500))
                .then(() -> assertThat(produced.get()).as("events the server could write").isLessThan(total / 4))
                .thenRequest(5)
                .expectNextCount(5)
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void streamCopiesEveryChunkAndNoTimeoutApplies() {
        RestClient withTimeout = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port())
                .requestTimeout(Duration.ofMillis(100)).build(), WarningHandler.ignore());
        Sinks.Empty<Void> release = Sinks.empty();
        serve((req, res) -> res.header("Content-Type", "text/plain").send(utf8(Flux.concat(
                Mono.just("first\n"), release.asMono().then(Mono.just("second \u00e9\n")))), b -> true));
        try {
            StepVerifier.create(withTimeout.get().absPath(PODS, "p", "log").param("follow", "true").stream()
                            .map(b -> new String(b, StandardCharsets.UTF_8)))
                    .expectNext("first\n")
                    .thenAwait(Duration.ofMillis(300))
                    .then(release::tryEmitEmpty)
                    .expectNext("second \u00e9\n")
                    .expectComplete()
                    .verify(WAIT);
        } finally {
            withTimeout.dispose();
        }
    }

    @Test
    void requestTimeoutBoundsAWholeListButNeverAWatch() {
        RestClient withTimeout = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port())
                .requestTimeout(Duration.ofMillis(300)).build(), WarningHandler.ignore());
        Sinks.Empty<Void> release = Sinks.empty();
        serve((req, res) -> res.send(utf8(Flux.concat(Mono.just(req.uri().contains("watch=true")
                        ? event("ADDED", "a", "1", "x") : "{\"metadata\":{\"resourceVersion\":\"5\"},\"items\":["),
                release.asMono().then(Mono.just(req.uri().contains("watch=true") ? event("ADDED", "b", "2", "y") : "]}")))),
                b -> true));
        try {
            StepVerifier.create(withTimeout.get().absPath(PODS).list(Item.class))
                    .expectNextCount(1)
                    .expectErrorMessage("GET http://127.0.0.1:" + server.port() + PODS + ": request timed out after 300 ms")
                    .verify(WAIT);
            StepVerifier.create(withTimeout.get().absPath(PODS).watch(Item.class))
                    .expectNextCount(1)
                    .thenAwait(Duration.ofMillis(600))
                    .then(release::tryEmitEmpty)
                    .assertNext(e -> assertThat(e.object().metadata().name()).isEqualTo("b"))
                    .expectComplete()
                    .verify(WAIT);
        } finally {
            withTimeout.dispose();
        }
    }

    @Test
    void listDecodesMetadataAndItemsFromAChunkedBody() {
        byte[] body = ("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"99\"},\"items\":["
                + "{\"metadata\":{\"name\":\"a\"},\"data\":\"\u540d\"},{\"metadata\":{\"name\":\"b\"},\"data\":\"x\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        serve((req, res) -> res.send(chunks(body, 3), b -> true));

        StepVerifier.create(rest.get().absPath(PODS).list(Item.class))
                .assertNext(e -> assertThat(((ListElement.Metadata<Item>) e).meta().resourceVersion()).isEqualTo("99"))
                .assertNext(e -> assertThat(((ListElement.Item<Item>) e).item().data()).isEqualTo("\u540d"))
                .assertNext(e -> assertThat(((ListElement.Item<Item>) e).item().metadata().name()).isEqualTo("b"))
                .expectComplete()
                .verify(WAIT);
    }
}
