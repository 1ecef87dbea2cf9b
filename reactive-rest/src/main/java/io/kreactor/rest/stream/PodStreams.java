package io.kreactor.rest.stream;

import io.kreactor.rest.RestClient;
import java.util.List;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The streaming pod subresources: {@code log} over HTTP, and {@code exec}, {@code attach} and {@code portforward}
 * over WebSocket — what {@code kubectl logs}, {@code exec}, {@code attach} and {@code port-forward} use.
 *
 * <p>Logs are read through the {@link RestClient} ({@code Request.stream()}): a backpressured {@code Flux} of
 * lines, cancelled by cancelling the subscription. The WebSocket streams connect with the same TLS, proxy and
 * credentials as the {@code RestClient} (its {@link io.kreactor.core.config.ClientConfig}), offering
 * {@code v5.channel.k8s.io} then {@code v4.channel.k8s.io} for exec and attach, and {@code v4.channel.k8s.io}
 * then {@code portforward.k8s.io} for port-forward. A refused upgrade (403 without {@code pods/exec} rights,
 * 404 for a missing pod) fails with the matching {@link io.kreactor.core.errors.ApiException}.
 *
 * <p>Holds its own HTTP/1.1 connection pool for upgrades; {@link #dispose()} closes it.
 */
public interface PodStreams extends Disposable {

    /** The streams of the server {@code rest} talks to, with its configuration. */
    static PodStreams create(RestClient rest) {
        return new DefaultPodStreams(rest);
    }

    /**
     * The log of a pod's container as lines (without their {@code \n}), from
     * {@code GET /api/v1/namespaces/{ns}/pods/{name}/log}. Lines are split across chunk boundaries and decoded as
     * UTF-8 whole; demand reaches the socket. With {@code follow} it lasts until the container stops or the
     * subscription is cancelled.
     */
    Flux<String> logs(String namespace, String pod, LogOptions options);

    /**
     * Runs a command in a container ({@code POST .../pods/{name}/exec?command=..&stdout=true..}); emits the process
     * once the connection is open.
     */
    Mono<ExecProcess> exec(String namespace, String pod, ExecOptions options);

    /** Attaches to the running process of a container ({@code .../pods/{name}/attach}); the command is ignored. */
    Mono<ExecProcess> attach(String namespace, String pod, ExecOptions options);

    /**
     * Opens one port-forward connection for {@code ports} ({@code .../pods/{name}/portforward?ports=..}); emits the
     * session once the connection is open.
     */
    Mono<PortForwardSession> portForward(String namespace, String pod, List<Integer> ports);

    /**
     * Listens on {@code 127.0.0.1:localPort} (0 picks a free port) and forwards every accepted connection to
     * {@code remotePort} of the pod over a new port-forward connection; emits once listening.
     */
    Mono<LocalPortForward> forwardLocalPort(String namespace, String pod, int localPort, int remotePort);
}
