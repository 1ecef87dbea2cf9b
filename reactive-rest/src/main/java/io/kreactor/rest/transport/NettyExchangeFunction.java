package io.kreactor.rest.transport;

import io.kreactor.core.errors.KubernetesException;
import io.kreactor.core.errors.TransportException;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

/**
 * The innermost {@link ExchangeFunction}: sends the request through Reactor Netty and emits the response as
 * soon as its headers have arrived, leaving the body on the wire ({@code responseConnection}).
 */
final class NettyExchangeFunction implements ExchangeFunction {

    private final NettyHttpClients clients;

    NettyExchangeFunction(NettyHttpClients clients) {
        this.clients = clients;
    }

    @Override
    public Mono<ClientResponse> exchange(TransportRequest request) {
        String description = request.describe();
        return clients.current()
                .flatMap(client -> client
                        .request(HttpMethod.valueOf(request.method()))
                        .uri(request.url())
                        .send((req, out) -> {
                            for (Map.Entry<String, String> h : request.headers().entrySet()) {
                                req.header(h.getKey(), h.getValue());
                            }
                            if (request.body() == null) {
                                return out;
                            }
                            req.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(request.body().length));
                            return out.sendByteArray(Mono.just(request.body()));
                        })
                        .responseConnection((response, connection) ->
                                Mono.<ClientResponse>just(new NettyClientResponse(response, connection, description)))
                        .next())
                .onErrorMap(e -> !(e instanceof KubernetesException),
                        e -> new TransportException(description + ": " + describeCause(e), e));
    }

    /** A short description of a transport failure; TLS failures are named as such. */
    static String describeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLHandshakeException || t instanceof SSLException) {
                return "TLS handshake failed: " + rootMessage(t);
            }
        }
        if (e instanceof PrematureCloseException) {
            return "connection closed by the server: " + e.getMessage();
        }
        if (e instanceof ConnectException || e.getCause() instanceof ConnectException) {
            return "cannot connect: " + rootMessage(e);
        }
        if (e instanceof ClosedChannelException) {
            return "connection closed";
        }
        return rootMessage(e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : message + " (" + e.getClass().getSimpleName() + ")";
    }
}
