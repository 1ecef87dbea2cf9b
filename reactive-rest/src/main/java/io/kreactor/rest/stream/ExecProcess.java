package io.kreactor.rest.stream;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A process running in a container through exec or attach, connected over a WebSocket. Its output streams are
 * buffered from the moment the connection opens until they are subscribed, each by one subscriber. The
 * connection closes when the server ends it (after the exit status) or when {@link #dispose()} is called.
 */
public interface ExecProcess extends Disposable {

    /** The negotiated subprotocol: {@code v5.channel.k8s.io} or {@code v4.channel.k8s.io}. */
    String protocol();

    /** The bytes the process writes to stdout (channel 1); completes when the connection ends. */
    Flux<byte[]> stdout();

    /** The bytes the process writes to stderr (channel 2); completes when the connection ends. */
    Flux<byte[]> stderr();

    /**
     * The exit code from the status channel (3): {@code Success} is 0, a {@code NonZeroExitCode} failure is its
     * {@code ExitCode} cause. Any other failure status is an error carrying the server's message; a connection
     * that ends without a status is a {@link StreamProtocolException}.
     */
    Mono<Integer> exitCode();
}
