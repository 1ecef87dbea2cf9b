package io.kreactor.rest.stream;

import java.util.List;
import org.reactivestreams.Publisher;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * One port-forward connection to a pod over a WebSocket ({@code v4.channel.k8s.io} framing): for the k-th
 * requested port, channel 2k carries data both ways and channel 2k+1 carries the server's errors. The server
 * starts each channel with the port number (2 bytes, little-endian), which is checked and stripped.
 * Close it with {@link #dispose()}.
 */
public interface PortForwardSession extends Disposable {

    /** The pod ports of this session, in request order. */
    List<Integer> ports();

    /** The bytes the pod sends from {@code port}; completes when the connection ends. One subscriber. */
    Flux<byte[]> data(int port);

    /**
     * The error messages the server reports for {@code port} (for example, nothing listening on it in the pod);
     * completes when the connection ends. One subscriber.
     */
    Flux<String> errors(int port);

    /** Writes {@code bytes} to {@code port} in the pod, in order, as they are published. */
    void send(int port, Publisher<byte[]> bytes);
}
