package io.kreactor.rest.stream;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * A loopback WebSocket server speaking the kubelet's channel protocols, for tests:
 * <ul>
 * <li>{@code pods/web/exec} (v5 and v4): upper-cases stdin to stdout until stdin is closed (v5) — at once when no
 *     stdin was requested — then writes {@code done} to stderr and exits with the code in the {@code exit} command
 *     argument ({@code sh -c "exit 3"}), as a NonZeroExitCode Status.</li>
 * <li>{@code pods/old/exec}: v4 only, no stdin; prints {@code hello} and succeeds.</li>
 * <li>{@code pods/secret/exec}: 403.</li>
 * <li>{@code pods/web/portforward}: starts each channel with its port, echoes data prefixed with {@code echo:}, and
 *     reports {@code boom} on the error channel.</li>
 * </ul>
 */
final class ChannelProtocolServer {

    final AtomicReference<String> lastUri = new AtomicReference<>();
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    final List<String> resizes = new CopyOnWriteArrayList<>();
    private final DisposableServer server;

    ChannelProtocolServer() {
        this(null);
    }

    /** With {@code tls}, serves HTTPS offering h2 and http/1.1 by ALPN, as an API server does. */
    ChannelProtocolServer(SelfSignedCertificate tls) {
        WebsocketServerSpec both = WebsocketServerSpec.builder().protocols("v5.channel.k8s.io,v4.channel.k8s.io").build();
        WebsocketServerSpec v4 = WebsocketServerSpec.builder().protocols("v4.channel.k8s.io").build();
        WebsocketServerSpec forward = WebsocketServerSpec.builder().protocols("v4.channel.k8s.io,portforward.k8s.io").build();
        HttpServer http = HttpServer.create().host("127.0.0.1").port(0);
        if (tls != null) {
            http = http.secure(spec -> spec.sslContext(Http2SslContextSpec.forServer(tls.certificate(), tls.privateKey())))
                    .protocol(HttpProtocol.HTTP11, HttpProtocol.H2);
        }
        server = http.route(r -> r
                .get("/api/v1/namespaces/shop/pods/web/exec", (req, res) -> {
                    record(req.uri(), req.requestHeaders().get("Authorization"));
                    boolean stdin = req.uri().contains("stdin=true");
                    int exit = req.uri().contains("exit+") ? Integer.parseInt(req.uri().replaceAll(".*exit\\+(\\d+).*", "$1")) : 0;
                    return res.sendWebsocket((in, out) -> {
                        // Frames are read to the end, never cancelled: cancelling the inbound would close the connection.
                        Sinks.Many<WebSocketFrame> replies = Sinks.many().unicast().onBackpressureBuffer();
                        if (!stdin) {
                            replies.tryEmitComplete();
                        }
                        in.aggregateFrames().receiveFrames().map(ChannelProtocolServer::bytes).subscribe(b -> {
                            if (b[0] == 0) {
                                replies.tryEmitNext(frame(1, new String(b, 1, b.length - 1, StandardCharsets.UTF_8).toUpperCase(Locale.ROOT)));
                            } else if (b[0] == 4) {
                                resizes.add(new String(b, 1, b.length - 1, StandardCharsets.UTF_8));
                            } else if ((b[0] & 0xff) == 255) {
                                replies.tryEmitComplete();
                            }
                        });
                        return out.sendObject(replies.asFlux().concatWith(Flux.just(frame(2, "done\n"), frame(3, status(exit))))).then();
                    }, both);
                })
                .get("/api/v1/namespaces/shop/pods/old/exec", (req, res) -> {
                    record(req.uri(), req.requestHeaders().get("Authorization"));
                    return res.sendWebsocket((in, out) -> out.sendObject(Flux.just(frame(1, "hello\n"), frame(3, status(0)))).then(), v4);
                })
                .get("/api/v1/namespaces/shop/pods/rotating/exec", (req, res) -> {
                    record(req.uri(), req.requestHeaders().get("Authorization"));
                    if (!"Bearer fresh".equals(req.requestHeaders().get("Authorization"))) {
                        return res.status(401).send();
                    }
                    return res.sendWebsocket((in, out) -> out.sendObject(Flux.just(frame(1, "hello\n"), frame(3, status(0)))).then(), v4);
                })
                .get("/api/v1/namespaces/shop/pods/secret/exec", (req, res) -> res.status(403).send())
                .get("/api/v1/namespaces/shop/pods/web/portforward", (req, res) -> {
                    record(req.uri(), req.requestHeaders().get("Authorization"));
                    int port = Integer.parseInt(req.uri().replaceAll(".*ports=(\\d+).*", "$1"));
                    return res.sendWebsocket((in, out) -> {
                        Flux<WebSocketFrame> start = Flux.just(portFrame(0, port), portFrame(1, port));
                        Flux<WebSocketFrame> echoes = in.aggregateFrames().receiveFrames().map(ChannelProtocolServer::bytes)
                                .map(b -> new String(b, 1, b.length - 1, StandardCharsets.UTF_8))
                                .map(text -> text.equals("boom") ? frame(1, "error forwarding port " + port + ": boom")
                                        : frame(0, "echo:" + text));
                        return out.sendObject(start.concatWith(echoes)).then();
                    }, forward);
                }))
                .bindNow();
    }

    private void record(String uri, String authorization) {
        lastUri.set(uri);
        lastAuthorization.set(authorization);
    }

    int port() {
        return server.port();
    }

    void dispose() {
        server.disposeNow();
    }

    static byte[] bytes(WebSocketFrame frame) {
        return ByteBufUtil.getBytes(frame.content());
    }

    static WebSocketFrame frame(int channel, String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[data.length + 1];
        out[0] = (byte) channel;
        System.arraycopy(data, 0, out, 1, data.length);
        return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(out));
    }

    static WebSocketFrame portFrame(int channel, int port) {
        return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {(byte) channel, (byte) (port & 0xff), (byte) (port >> 8)}));
    }

    static String status(int exit) {
        if (exit == 0) {
            return "{\"metadata\":{},\"status\":\"Success\"}";
        }
        return "{\"metadata\":{},\"status\":\"Failure\",\"message\":\"command terminated with non-zero exit code: exit code "
                + exit + "\",\"reason\":\"NonZeroExitCode\",\"details\":{\"causes\":[{\"reason\":\"ExitCode\",\"message\":\"" + exit + "\"}]}}";
    }

    static Mono<Void> none() {
        return Mono.empty();
    }
}
