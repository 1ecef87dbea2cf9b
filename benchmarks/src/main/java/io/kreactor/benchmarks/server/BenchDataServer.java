package io.kreactor.benchmarks.server;

import io.kreactor.benchmarks.data.BenchData;
import io.kreactor.benchmarks.data.PodFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.HttpProtocol;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The loopback data server every client is measured against: serves {@link BenchData}'s pre-rendered bytes
 * at {@code /api/v1/namespaces/{ns}/pods} over HTTP/1.1 and h2c (prior knowledge), with paging
 * ({@code limit}/{@code continue}; a {@code resourceVersion=0} list is whole, as the API server's watch cache
 * answers it) and watches ({@code watch=true}), plus {@code /bench/stats} (open TCP connections, open watches
 * of {@link BenchData#NS_MANY} and the TCP connections that carry them) and {@code /bench/tick} (broadcast one
 * event to every watch in {@link BenchData#NS_MANY}).
 *
 * <p>Watch behaviour per namespace: {@link BenchData#NS_WATCH} streams every event then ends the response;
 * {@link BenchData#NS_INFORMER} streams the events after the requested resourceVersion and then holds the
 * watch open, as an idle API server would; {@link BenchData#NS_MANY} holds watches open and sends them the ticks.
 */
public final class BenchDataServer implements AutoCloseable {

    private static final String PODS_PATH = "/api/v1/namespaces/{ns}/pods";
    private static final int EVENTS_PER_CHUNK = 32;

    private final BenchData data;
    private final DisposableServer server;
    private final AtomicInteger connections = new AtomicInteger();
    /** Open watches of {@link BenchData#NS_MANY}. */
    private final AtomicInteger openWatches = new AtomicInteger();
    /** Open {@link BenchData#NS_MANY} watches per TCP connection carrying any (an HTTP/2 stream: its connection). */
    private final ConcurrentHashMap<Channel, Integer> watchConnections = new ConcurrentHashMap<>();
    /** List bodies by identity of the pre-rendered page ({@link BenchData#listPage} caches each page). */
    private final Map<byte[], ByteBuf> directBodies = Collections.synchronizedMap(new IdentityHashMap<>());
    private final AtomicLong tickSequence = new AtomicLong();
    private final Sinks.Many<byte[]> ticks = Sinks.many().multicast().directBestEffort();
    private final PodFactory tickPods = new PodFactory(7);

    private BenchDataServer(BenchData data, int port) {
        this.data = data;
        this.server = HttpServer.create()
                .host("127.0.0.1").port(port)
                // Netty 4.2's default adaptive allocator parks on a lock when its magazines contend; under
                // BlockHound (the quick mode runs in the test suite) that kills a response mid-stream.
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)
                // Kubernetes' API server allows 1,000 concurrent streams per HTTP/2 connection by default.
                .http2Settings(s -> s.maxConcurrentStreams(2_000))
                .doOnChannelInit((observer, channel, address) -> {
                    connections.incrementAndGet();
                    channel.closeFuture().addListener(f -> connections.decrementAndGet());
                })
                .route(routes -> routes
                        .get(PODS_PATH, this::pods)
                        .get("/bench/stats", (req, res) -> res.header("content-type", "application/json")
                                .sendString(Mono.fromSupplier(() -> "{\"connections\":" + connections.get()
                                        + ",\"watches\":" + openWatches.get()
                                        + ",\"watchConnections\":" + watchConnections.size() + "}")))
                        .post("/bench/tick", (req, res) -> {
                            tick();
                            return res.status(204).send();
                        }))
                .bindNow(Duration.ofSeconds(30));
    }

    /**
     * Serves {@code [full|quick] [seed]} data until the process is killed, printing {@code port <n>} once
     * listening: for running one workload by hand against a separate server process.
     */
    public static void main(String[] args) throws InterruptedException {
        BenchData data = BenchData.render(io.kreactor.benchmarks.data.BenchSizes.named(args.length > 0 ? args[0] : "full"),
                args.length > 1 ? Long.parseLong(args[1]) : 42);
        BenchDataServer server = start(data);
        System.out.println("port " + server.port());
        server.server.onDispose().block();
    }

    /** Starts a server for {@code data} on an ephemeral loopback port. */
    public static BenchDataServer start(BenchData data) {
        return new BenchDataServer(data, 0);
    }

    /** The port it listens on (127.0.0.1). */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The data it serves. */
    public BenchData data() {
        return data;
    }

    /** TCP connections open right now. */
    public int connections() {
        return connections.get();
    }

    /** Watches of {@link BenchData#NS_MANY} open right now. */
    public int openWatches() {
        return openWatches.get();
    }

    /**
     * TCP connections carrying at least one open watch of {@link BenchData#NS_MANY} right now. Unlike a difference
     * of {@link #connections()} taken before and after, it cannot be skewed by unrelated connections (an earlier
     * client's, a stats call's) closing in between.
     */
    public int watchConnections() {
        return watchConnections.size();
    }

    /**
     * Sends one MODIFIED event to every open watch of {@link BenchData#NS_MANY}; the pod carries the send time
     * (epoch microseconds) in annotation {@code bench.kreactor.io/sent-micros} so receivers can measure latency.
     */
    public void tick() {
        long n = tickSequence.incrementAndGet();
        var pod = tickPods.pod((int) (n % 10), BenchData.NS_MANY, BenchData.BASE_RESOURCE_VERSION + n);
        Instant now = Instant.now();
        pod.getMetadata().getAnnotations().put(SENT_MICROS, Long.toString(now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000));
        ticks.tryEmitNext(BenchData.eventLine("MODIFIED", BenchData.json(pod)));
    }

    /** The annotation carrying a tick's send time in epoch microseconds. */
    public static final String SENT_MICROS = "bench.kreactor.io/sent-micros";

    private Publisher<Void> pods(HttpServerRequest req, HttpServerResponse res) {
        String ns = req.param("ns");
        QueryStringDecoder query = new QueryStringDecoder(req.uri());
        String watch = first(query, "watch");
        if ("true".equals(watch) || "1".equals(watch)) {
            Flux<ByteBuf> events = watchEvents(ns, first(query, "resourceVersion"), connectionOf(req));
            if (events == null) {
                return res.status(404).send();
            }
            if (req.requestHeaders().containsValue("upgrade", "websocket", true)) {
                // fabric8 watches over a WebSocket first, as the API server allows: one text frame per event.
                return res.sendWebsocket((in, out) -> out.sendObject(events.concatMapIterable(BenchDataServer::frames)).then());
            }
            res.header("content-type", "application/json").header("transfer-encoding", "chunked");
            return res.send(Flux.concat(Mono.just(Unpooled.EMPTY_BUFFER), events), b -> true);
        }
        res.header("content-type", "application/json");
        if (BenchData.NS_MANY.equals(ns)) {
            return res.sendByteArray(Mono.just(("{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\""
                    + BenchData.BASE_RESOURCE_VERSION + "\"},\"items\":[]}").getBytes(StandardCharsets.UTF_8)));
        }
        String cont = first(query, "continue");
        // resourceVersion=0 without a continue token is answered from the API server's watch cache, whole: the
        // watch cache does not page (kubernetes/kubernetes#70735), so the limit is ignored, as there
        String limit = "0".equals(first(query, "resourceVersion")) && (cont == null || cont.isEmpty())
                ? null : first(query, "limit");
        byte[] body;
        try {
            body = data.listPage(ns, cont == null || cont.isEmpty() ? 0 : Integer.parseInt(cont),
                    limit == null || limit.isEmpty() ? 0 : Integer.parseInt(limit));
        } catch (IllegalArgumentException e) {
            return res.status(404).sendString(Mono.just("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404,\"message\":\""
                    + e.getMessage().replace('"', '\'') + "\"}"));
        }
        res.header("content-length", Integer.toString(body.length));
        ByteBuf direct = directBodies.computeIfAbsent(body, BenchDataServer::direct);
        return res.send(Mono.fromSupplier(direct::duplicate));
    }

    /**
     * {@code body} copied once into memory the socket can write from. A heap buffer is copied whole into a new
     * direct buffer by Netty's epoll transport before its first byte is written: for the 30 MB informer list that
     * held back the response by ~10 ms and cost the server as much CPU on every request. Kept for the server's
     * life (unreleasable); each response writes a duplicate, with its own indices, of the same memory.
     */
    private static ByteBuf direct(byte[] body) {
        return Unpooled.unreleasableBuffer(Unpooled.directBuffer(body.length).writeBytes(body));
    }

    /**
     * The watch stream of {@code ns} as buffers of whole event lines, or null for a namespace without watch data.
     */
    private Flux<ByteBuf> watchEvents(String ns, String resourceVersion, Channel connection) {
        return switch (ns) {
            case BenchData.NS_WATCH -> chunks(data.watchLines(), 0);
            case BenchData.NS_INFORMER -> {
                long rv = resourceVersion == null || resourceVersion.isEmpty() || "0".equals(resourceVersion)
                        ? BenchData.BASE_RESOURCE_VERSION : Long.parseLong(resourceVersion);
                int from = (int) Math.max(0, Math.min(data.informerLines().length, rv - BenchData.BASE_RESOURCE_VERSION));
                yield Flux.concat(chunks(data.informerLines(), from), Flux.never());
            }
            case BenchData.NS_MANY -> counted(connection).mergeWith(ticks.asFlux().map(Unpooled::wrappedBuffer));
            default -> null;
        };
    }

    /** Splits a buffer of newline-terminated event lines into one WebSocket text frame per event. */
    private static List<WebSocketFrame> frames(ByteBuf lines) {
        List<WebSocketFrame> frames = new java.util.ArrayList<>();
        int start = lines.readerIndex();
        int end = lines.writerIndex();
        for (int i = start; i < end; i++) {
            if (lines.getByte(i) == '\n') {
                frames.add(new TextWebSocketFrame(lines.retainedSlice(start, i - start)));
                start = i + 1;
            }
        }
        lines.release();
        return frames;
    }

    /** Never ends by itself; counts the watch, and its connection, while open. */
    private Flux<ByteBuf> counted(Channel connection) {
        return Flux.<ByteBuf>never()
                .doOnSubscribe(s -> {
                    openWatches.incrementAndGet();
                    watchConnections.merge(connection, 1, Integer::sum);
                })
                .doFinally(s -> {
                    openWatches.decrementAndGet();
                    watchConnections.computeIfPresent(connection, (c, n) -> n == 1 ? null : n - 1);
                });
    }

    /** The TCP connection a request came on: an HTTP/2 stream's parent, else the request's own channel. */
    private static Channel connectionOf(HttpServerRequest req) {
        Channel[] channel = new Channel[1];
        req.withConnection(c -> channel[0] = c.channel());
        return channel[0] instanceof Http2StreamChannel stream ? stream.parent() : channel[0];
    }

    /** Event lines from {@code from}, several per buffer so the socket sees large writes. */
    private static Flux<ByteBuf> chunks(byte[][] lines, int from) {
        int count = (lines.length - from + EVENTS_PER_CHUNK - 1) / EVENTS_PER_CHUNK;
        return Flux.range(0, Math.max(0, count)).map(c -> {
            int start = from + c * EVENTS_PER_CHUNK;
            int end = Math.min(lines.length, start + EVENTS_PER_CHUNK);
            byte[][] slice = new byte[end - start][];
            System.arraycopy(lines, start, slice, 0, slice.length);
            return Unpooled.wrappedBuffer(slice);
        });
    }

    private static String first(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Stops listening, closes every connection and frees the list bodies' memory. */
    @Override
    public void close() {
        server.disposeNow(Duration.ofSeconds(10));
        synchronized (directBodies) {
            directBodies.values().forEach(body -> body.unwrap().release());
            directBodies.clear();
        }
    }

    /** Disposable view for callers that compose with Reactor. */
    public Disposable asDisposable() {
        return server;
    }
}
