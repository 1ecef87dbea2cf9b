package io.kreactor.rest.transport;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A {@link ClientResponse} without a network, for filter tests; remembers whether it was released. */
final class FakeResponse implements ClientResponse {

    final int status;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    final byte[] body;
    final AtomicBoolean released = new AtomicBoolean();

    FakeResponse(int status, String body, String... headerPairs) {
        this.status = status;
        this.body = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i].toLowerCase(Locale.ROOT), List.of(headerPairs[i + 1]));
        }
    }

    @Override
    public int statusCode() {
        return status;
    }

    @Override
    public Map<String, List<String>> headers() {
        return headers;
    }

    @Override
    public String protocol() {
        return "HTTP/1.1";
    }

    @Override
    public Flux<ByteBuf> body() {
        return Flux.error(new UnsupportedOperationException("filter tests read bodies through aggregate()"));
    }

    @Override
    public Mono<byte[]> aggregate(int limit, boolean truncate) {
        return Mono.just(body);
    }

    @Override
    public Mono<Void> release() {
        return Mono.fromRunnable(() -> released.set(true));
    }

    @Override
    public void close() {
        released.set(true);
    }
}
