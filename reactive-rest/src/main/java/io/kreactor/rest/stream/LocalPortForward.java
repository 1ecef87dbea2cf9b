package io.kreactor.rest.stream;

import reactor.core.Disposable;

/**
 * A local loopback listener that forwards every accepted TCP connection to a pod port over its own port-forward
 * stream, like {@code kubectl port-forward pod 8080:80}. {@link #dispose()} stops listening and closes the
 * forwarded connections.
 */
public interface LocalPortForward extends Disposable {

    /** The local port (the one the system chose when 0 was asked for). */
    int localPort();

    /** The pod port connections are forwarded to. */
    int remotePort();
}
