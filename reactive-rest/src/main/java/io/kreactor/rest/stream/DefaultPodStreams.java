package io.kreactor.rest.stream;

import io.kreactor.core.api.GroupVersion;
import io.kreactor.rest.Request;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.WarningHandler;
import io.kreactor.rest.transport.HttpTransport;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.tcp.TcpServer;

/** The {@link PodStreams}: logs through the {@link RestClient}, WebSocket streams through a {@link WebSocketConnector}. */
final class DefaultPodStreams implements PodStreams {

    private static final Logger LOG = LoggerFactory.getLogger(PodStreams.class);
    private static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final RestClient rest;
    private final HttpTransport transport;
    private final WebSocketConnector connector;

    DefaultPodStreams(RestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.transport = HttpTransport.create(rest.config(), WarningHandler.logOnce());
        this.connector = new WebSocketConnector(transport);
    }

    private Request pod(String method, String namespace, String pod, String subresource) {
        requireName("namespace", namespace);
        requireName("pod", pod);
        return rest.verb(method).groupVersion(GroupVersion.CORE_V1).namespace(namespace).resource("pods").name(pod)
                .subresource(subresource);
    }

    private static void requireName(String what, String value) {
        if (value == null || value.isEmpty() || value.contains("/")) {
            throw new IllegalArgumentException(what + " must be a non-empty name without '/', got '" + value + "'");
        }
    }

    /** The path and query of {@code request}, without the server part of its URL. */
    private String pathAndQuery(Request request) {
        String url = request.url();
        String server = rest.config().server().toString();
        if (server.endsWith("/")) {
            server = server.substring(0, server.length() - 1);
        }
        return url.substring(server.length());
    }

    @Override
    public Flux<String> logs(String namespace, String pod, LogOptions options) {
        Objects.requireNonNull(options, "options");
        return Flux.defer(() -> {
            Request request = pod("GET", namespace, pod, "log");
            options.toParams().forEach(request::param);
            return LineSplitter.lines(request.stream());
        });
    }

    @Override
    public Mono<ExecProcess> exec(String namespace, String pod, ExecOptions options) {
        Objects.requireNonNull(options, "options");
        if (options.command().isEmpty()) {
            return Mono.error(new IllegalArgumentException("exec needs a command"));
        }
        return Mono.defer(() -> process(execRequest(pod("GET", namespace, pod, "exec"), options, true), options));
    }

    @Override
    public Mono<ExecProcess> attach(String namespace, String pod, ExecOptions options) {
        Objects.requireNonNull(options, "options");
        return Mono.defer(() -> process(execRequest(pod("GET", namespace, pod, "attach"), options, false), options));
    }

    private static Request execRequest(Request request, ExecOptions o, boolean withCommand) {
        if (withCommand) {
            o.command().forEach(c -> request.param("command", c));
        }
        if (o.container() != null && !o.container().isEmpty()) {
            request.param("container", o.container());
        }
        request.param("stdin", Boolean.toString(o.stdin() != null));
        request.param("stdout", Boolean.toString(o.stdout()));
        // With a TTY the server merges stderr into stdout and rejects a separate stderr stream.
        request.param("stderr", Boolean.toString(o.stderr() && !o.tty()));
        request.param("tty", Boolean.toString(o.tty()));
        return request;
    }

    private Mono<ExecProcess> process(Request request, ExecOptions options) {
        return this.<DefaultExecProcess>open(pathAndQuery(request), Channels.V5 + "," + Channels.V4,
                in -> new DefaultExecProcess(in.selectedSubprotocol(), rest.objectMapper()),
                DefaultExecProcess::onFrame, process -> execFrames(process.protocol(), options),
                DefaultExecProcess::finish, DefaultExecProcess::fail, DefaultExecProcess::connection).cast(ExecProcess.class);
    }

    private static Flux<WebSocketFrame> execFrames(String protocol, ExecOptions options) {
        Flux<WebSocketFrame> stdin = options.stdin() == null ? Flux.empty()
                : Flux.from(options.stdin()).map(bytes -> Channels.frame(Channels.STDIN, bytes))
                        // v5 can tell the process that stdin ended; v4 has no way to.
                        .concatWith(Mono.fromSupplier(() -> Channels.V5.equals(protocol) ? Channels.close(Channels.STDIN) : null));
        Flux<WebSocketFrame> resize = options.resize() == null || !options.tty() ? Flux.empty()
                : Flux.from(options.resize()).map(size -> Channels.frame(Channels.RESIZE,
                        size.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        // Sizes first: a size known at the start should reach the terminal before any input does.
        return Flux.merge(resize, stdin);
    }

    @Override
    public Mono<PortForwardSession> portForward(String namespace, String pod, List<Integer> ports) {
        List<Integer> copy = List.copyOf(Objects.requireNonNull(ports, "ports"));
        if (copy.isEmpty() || copy.stream().anyMatch(p -> p < 1 || p > 65535)) {
            return Mono.error(new IllegalArgumentException("ports must be 1 to 65535, at least one, got " + copy));
        }
        return Mono.defer(() -> {
            Request request = pod("GET", namespace, pod, "portforward");
            copy.forEach(p -> request.param("ports", Integer.toString(p)));
            return this.<DefaultPortForwardSession>open(pathAndQuery(request), Channels.V4 + ",portforward.k8s.io",
                    in -> new DefaultPortForwardSession(copy), DefaultPortForwardSession::onFrame,
                    DefaultPortForwardSession::outgoing, DefaultPortForwardSession::finish, DefaultPortForwardSession::fail,
                    DefaultPortForwardSession::connection).cast(PortForwardSession.class);
        });
    }

    /**
     * Connects and emits the session {@code create} builds once the upgrade succeeded; incoming frames go to
     * {@code onFrame}, {@code frames} are sent until the server ends the connection, then {@code finish} runs.
     * A failure before the upgrade fails the returned Mono; a failure after it goes to {@code fail}.
     */
    private <S> Mono<S> open(String pathAndQuery, String protocols, Function<WebsocketInbound, S> create,
                             java.util.function.BiConsumer<S, WebSocketFrame> onFrame, Function<S, Flux<WebSocketFrame>> frames,
                             java.util.function.Consumer<S> finish, java.util.function.BiConsumer<S, Throwable> fail,
                             java.util.function.BiConsumer<S, Disposable> connection) {
        return Mono.create(sink -> {
            AtomicReference<S> session = new AtomicReference<>();
            AtomicReference<Disposable> holder = new AtomicReference<>();
            Disposable handle = () -> {
                Disposable d = holder.get();
                if (d != null) {
                    d.dispose();
                }
            };
            Disposable subscription = connector.connect(pathAndQuery, protocols, (in, out) -> {
                S s = create.apply(in);
                session.set(s);
                connection.accept(s, handle);
                sink.success(s);
                Mono<Void> received = in.aggregateFrames(MAX_MESSAGE).receiveFrames()
                        .doOnNext(frame -> onFrame.accept(s, frame)).then().cache();
                Mono<Void> sent = out.sendObject(frames.apply(s)).then();
                return Mono.when(received, sent.takeUntilOther(received)).doFinally(signal -> finish.accept(s));
            }).subscribe(null, error -> {
                S s = session.get();
                if (s == null) {
                    sink.error(error);
                } else {
                    fail.accept(s, error);
                }
            });
            holder.set(subscription);
            sink.onCancel(() -> {
                if (session.get() == null) {
                    subscription.dispose();
                }
            });
        });
    }

    @Override
    public Mono<LocalPortForward> forwardLocalPort(String namespace, String pod, int localPort, int remotePort) {
        if (localPort < 0 || localPort > 65535 || remotePort < 1 || remotePort > 65535) {
            return Mono.error(new IllegalArgumentException("invalid ports " + localPort + ":" + remotePort));
        }
        requireName("namespace", namespace);
        requireName("pod", pod);
        return TcpServer.create().host("127.0.0.1").port(localPort)
                .handle((in, out) -> portForward(namespace, pod, List.of(remotePort)).flatMap(session -> {
                    session.send(remotePort, in.receive().asByteArray()
                            // The local client went away: close the stream to the pod too.
                            .doFinally(signal -> session.dispose()));
                    // A failed session also fails its data stream, which ends this connection; the error is not lost.
                    session.errors(remotePort).subscribe(message -> LOG.warn("port-forward to {}/{}:{}: {}",
                            namespace, pod, remotePort, message), error -> LOG.debug("port-forward error stream ended", error));
                    return out.sendByteArray(session.data(remotePort)).then().doFinally(signal -> session.dispose());
                }).onErrorResume(error -> {
                    LOG.warn("port-forward to {}/{}:{} failed: {}", namespace, pod, remotePort, error.getMessage());
                    return Mono.empty();
                }))
                .bind()
                .map(server -> new Listener(server, remotePort));
    }

    /** A bound local listener. */
    private record Listener(DisposableServer server, int remotePort) implements LocalPortForward {
        @Override
        public int localPort() {
            return server.port();
        }

        @Override
        public void dispose() {
            // Not disposeNow: that waits for the channels to close, and dispose() may be called on an event loop.
            server.dispose();
        }

        @Override
        public boolean isDisposed() {
            return server.isDisposed();
        }
    }

    @Override
    public void dispose() {
        transport.dispose();
    }

    @Override
    public boolean isDisposed() {
        return transport.isDisposed();
    }

    @Override
    public String toString() {
        return "PodStreams[" + rest.config().server() + "]";
    }
}
