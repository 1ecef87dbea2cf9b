package io.kreactor.rest.transport;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A response whose status line and headers have arrived and whose body is still on the wire.
 *
 * <p>The body must be consumed exactly once — by {@link #body()}, {@link #aggregate} or {@link #release()} —
 * otherwise the connection stays busy. Cancelling the {@link #body()} subscription closes the connection
 * (an HTTP/1.1 connection with an unfinished body cannot be reused; an HTTP/2 stream is reset).
 */
public interface ClientResponse {

    /** The HTTP status code. */
    int statusCode();

    /** The headers, names in lower case, values in arrival order. */
    Map<String, List<String>> headers();

    /** The first value of header {@code name} (case-insensitive), or null. */
    default String header(String name) {
        List<String> values = headers().get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The HTTP version the exchange used, such as {@code HTTP/1.1} or {@code HTTP/2.0}. */
    String protocol();

    /**
     * The body as it arrives, read from the socket only as fast as it is requested. Each buffer is valid only
     * during {@code onNext} and is released by the transport afterwards: consume it synchronously and do not
     * release it. Cancelling closes the connection.
     */
    Flux<ByteBuf> body();

    /**
     * The whole body as bytes. When it grows past {@code limit} bytes, either fails with a
     * {@link io.kreactor.core.errors.TransportException} ({@code truncate == false}) or emits the first
     * {@code limit} bytes and closes the connection ({@code truncate == true}, for error excerpts).
     */
    Mono<byte[]> aggregate(int limit, boolean truncate);

    /** Discards the body so the connection can be reused; completes when it has been read. */
    Mono<Void> release();

    /** Closes the connection now, abandoning any unread body. Idempotent. */
    void close();
}
