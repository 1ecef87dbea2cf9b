package io.kreactor.rest.transport;

import io.kreactor.core.errors.TransportException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * A {@link ClientResponse} over a Reactor Netty connection obtained through {@code responseConnection}: the
 * body is {@code connection.inbound().receive()}, which reads from the socket only on demand.
 */
final class NettyClientResponse implements ClientResponse {

    private final int statusCode;
    private final Map<String, List<String>> headers;
    private final String protocol;
    private final Connection connection;
    private final String description;
    private final AtomicBoolean bodySubscribed = new AtomicBoolean();

    NettyClientResponse(HttpClientResponse response, Connection connection, String description) {
        this.statusCode = response.status().code();
        this.headers = copyHeaders(response.responseHeaders());
        this.protocol = response.version().text();
        this.connection = connection;
        this.description = description;
    }

    private static Map<String, List<String>> copyHeaders(HttpHeaders source) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String name : source.names()) {
            map.put(name.toLowerCase(Locale.ROOT), List.copyOf(source.getAll(name)));
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public int statusCode() {
        return statusCode;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public Flux<ByteBuf> body() {
        return Flux.defer(() -> {
            if (!bodySubscribed.compareAndSet(false, true)) {
                return Flux.error(new IllegalStateException("the body of " + description + " was already consumed"));
            }
            // Reactor Netty would otherwise keep an abandoned HTTP/1.1 connection around until the rest of the
            // chunked body arrived; closing it is the only way to stop a watch the server keeps open.
            return connection.inbound().receive()
                    .doOnCancel(this::close)
                    .onErrorMap(e -> !(e instanceof TransportException),
                            e -> new TransportException(description + ": reading the response body failed: "
                                    + NettyExchangeFunction.describeCause(e), e));
        });
    }

    @Override
    public Mono<byte[]> aggregate(int limit, boolean truncate) {
        return Mono.defer(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            return body().<byte[]>handle((buf, sink) -> {
                int room = limit - out.size();
                int readable = buf.readableBytes();
                if (readable <= room) {
                    copy(buf, readable, out);
                } else if (truncate) {
                    copy(buf, room, out);
                    sink.complete();
                } else {
                    sink.error(new TransportException(description + ": response body exceeds the limit of "
                            + limit + " bytes"));
                }
            }).then(Mono.fromSupplier(out::toByteArray));
        });
    }

    private static void copy(ByteBuf buf, int length, ByteArrayOutputStream out) {
        byte[] chunk = new byte[length];
        buf.getBytes(buf.readerIndex(), chunk);
        out.write(chunk, 0, length);
    }

    @Override
    public Mono<Void> release() {
        return Mono.defer(() -> bodySubscribed.get() ? Mono.empty() : body().then())
                .onErrorResume(e -> Mono.empty());
    }

    @Override
    public void close() {
        connection.dispose();
    }

    @Override
    public String toString() {
        return "ClientResponse[" + statusCode + " " + protocol + " for " + description + "]";
    }
}
