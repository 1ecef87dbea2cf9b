package io.kreactor.testing.server;

import reactor.core.publisher.Flux;

/**
 * What answers on a pod's ports for {@code kubectl port-forward} and other port-forward clients of the
 * {@link EmbeddedApiServer}. Register one with {@link EmbeddedApiServer#portForwardHandler(PortForwarder)}.
 */
@FunctionalInterface
public interface PortForwarder {

    /**
     * Serves one forwarded connection.
     *
     * @param namespace the pod's namespace
     * @param pod       the pod's name
     * @param port      the pod port the client forwards to
     * @param inbound   the bytes the client sends; completes when it stops sending
     * @return the bytes to send back; the connection's data channel ends when this completes
     */
    Flux<byte[]> forward(String namespace, String pod, int port, Flux<byte[]> inbound);
}
