package io.kreactor.rest.stream;

import io.kreactor.core.api.Status;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.ApiException;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.transport.HttpTransport;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakeException;
import java.net.URI;
import java.util.Optional;
import java.util.function.BiFunction;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Opens WebSocket connections to the API server with the TLS, proxy and credentials of a {@link ClientConfig}
 * (the transport's {@link HttpTransport#upgradeHttpClient()} plus the {@code Authorization} header), offering
 * subprotocols in order of preference. A refused handshake becomes an {@link ApiException} with the server's code;
 * a 401 is retried once when the credentials could be refreshed.
 */
final class WebSocketConnector {

    /** Exec output can come in large frames; the API server does not split them. */
    private static final int MAX_FRAME = 16 * 1024 * 1024;

    private final ClientConfig config;
    private final HttpTransport transport;

    WebSocketConnector(HttpTransport transport) {
        this.transport = transport;
        this.config = transport.config();
    }

    /** The {@code ws}/{@code wss} URL of {@code pathAndQuery} on the configured server. */
    String url(String pathAndQuery) {
        URI server = config.server();
        String scheme = "https".equalsIgnoreCase(server.getScheme()) ? "wss" : "ws";
        String base = server.toString().substring(server.getScheme().length());
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return scheme + base + pathAndQuery;
    }

    /**
     * Connects to {@code pathAndQuery} offering {@code subprotocols} (comma-separated, most preferred first) and
     * runs {@code handler} with the negotiated connection; the connection closes when the handler's publisher ends.
     */
    <T> Flux<T> connect(String pathAndQuery, String subprotocols,
                        BiFunction<WebsocketInbound, WebsocketOutbound, Publisher<T>> handler) {
        String url = url(pathAndQuery);
        // A refused upgrade happens before the handler runs, so one retry after a credential refresh is safe,
        // as AuthFilter does for ordinary requests (an exec plugin is run again, a token file re-read).
        return attempt(url, subprotocols, handler).onErrorResume(
                e -> e instanceof ApiException api && api.code() == 401,
                e -> config.auth().refreshAfterUnauthorized().defaultIfEmpty(false)
                        .flatMapMany(refreshed -> refreshed ? attempt(url, subprotocols, handler) : Flux.error(e)));
    }

    private <T> Flux<T> attempt(String url, String subprotocols,
                                BiFunction<WebsocketInbound, WebsocketOutbound, Publisher<T>> handler) {
        WebsocketClientSpec spec = WebsocketClientSpec.builder().protocols(subprotocols).maxFramePayloadLength(MAX_FRAME).build();
        return config.auth().authorization().map(Optional::of).defaultIfEmpty(Optional.empty())
                .zipWith(transport.upgradeHttpClient())
                .flatMapMany(t -> t.getT2()
                        .headers(h -> t.getT1().ifPresent(auth -> h.set("Authorization", auth)))
                        .websocket(spec)
                        .uri(url)
                        .<T>handle(handler))
                .onErrorMap(e -> mapError(e, url));
    }

    private static Throwable mapError(Throwable e, String url) {
        if (e instanceof WebSocketClientHandshakeException h && h.response() != null) {
            int code = h.response().status().code();
            String reason = h.response().status().reasonPhrase();
            return ApiException.from(Status.failure(code, null, "the server refused the WebSocket upgrade: " + code + " " + reason),
                    code, "GET", url);
        }
        if (e instanceof ApiException || e instanceof TransportException || e instanceof StreamProtocolException) {
            return e;
        }
        return new TransportException("GET " + url + ": " + e.getMessage(), e);
    }
}
