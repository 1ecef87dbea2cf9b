package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.config.ClientConfig;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * An in-memory Kubernetes API server on a loopback port, for tests and demos. This library's clients and
 * {@code kubectl} both work against it.
 *
 * <p>It serves discovery (including aggregated discovery), CRUD with the API server's semantics (one global
 * resourceVersion, optimistic concurrency, {@code generateName}, generation, finalizers, namespace lifecycle,
 * dry run), label and field selectors, consistent paginated lists, watches resumable within a retention window
 * (410 beyond it), bookmarks and watch-list, JSON/merge/strategic patches and server-side apply, the
 * {@code status} and {@code scale} subresources, pod logs, exec/attach and port-forward with test-supplied
 * behaviour, CustomResourceDefinitions registered at run time, and fault injection through {@link #faults()}.
 * Plain HTTP only; nothing is authenticated or authorized.
 *
 * <pre>{@code
 * try (EmbeddedApiServer server = EmbeddedApiServer.builder().start()) {
 *     RestClient client = RestClient.create(server.clientConfig());
 *     ...
 * }
 * }</pre>
 */
public final class EmbeddedApiServer implements AutoCloseable {

    private final DisposableServer server;
    private final ServerState state;
    private final Faults faults;
    private final PodLogs podLogs;
    private final ExecHandler exec;
    private final Writes writes;
    private final Sinks.Many<Long> changes;

    private EmbeddedApiServer(DisposableServer server, ServerState state, Faults faults, PodLogs podLogs,
                              ExecHandler exec, Writes writes, Sinks.Many<Long> changes) {
        this.server = server;
        this.state = state;
        this.faults = faults;
        this.podLogs = podLogs;
        this.exec = exec;
        this.writes = writes;
        this.changes = changes;
    }

    /** A builder with the defaults: retention of 10 000 events, bookmarks every minute, watches closed after 30 min. */
    public static Builder builder() {
        return new Builder();
    }

    /** The base URL, {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** The port the server listens on. */
    public int port() {
        return ((InetSocketAddress) server.address()).getPort();
    }

    /** A client configuration for this server: namespace {@code default}, no rate limit. */
    public ClientConfig clientConfig() {
        return ClientConfig.builder(url()).namespace("default").qps(0).source("embedded API server " + url()).build();
    }

    /** A kubeconfig document for this server, with context {@code kreactor-embedded} and namespace {@code default}. */
    public String kubeconfig() {
        return Kubeconfigs.render(url(), "default");
    }

    /**
     * Writes {@link #kubeconfig()} to {@code file} (creating parent directories) and returns {@code file}. Use it
     * with {@code kubectl --kubeconfig <file>} or {@code KUBECONFIG=<file>}. Blocking file I/O: call it from a test
     * thread or on {@code Schedulers.boundedElastic()}.
     */
    public Path writeKubeconfig(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, kubeconfig(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the kubeconfig to " + file, e);
        }
    }

    /** Fault injection: dropped or stalled watches, failing or slow requests, compacted history. */
    public Faults faults() {
        return faults;
    }

    /** The test-supplied container logs served by {@code pods/{name}/log}. */
    public PodLogs podLogs() {
        return podLogs;
    }

    /** Sets what exec and attach run, for every pod (the handler sees which pod and container). */
    public void execHandler(ContainerExec handler) {
        exec.exec(Objects.requireNonNull(handler, "handler"));
    }

    /** Sets what answers port-forward connections, for every pod. */
    public void portForwardHandler(PortForwarder handler) {
        exec.forwarder(Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Serves a resource type from now on, as if a CRD defining it had been created (without creating the CRD
     * object). Replaces an earlier type with the same group and plural.
     */
    public void registerResource(ResourceType type) {
        state.registry.register(Objects.requireNonNull(type, "type"));
    }

    /** The resource types served right now. */
    public List<ResourceType> resources() {
        return state.registry.all();
    }

    /** The latest resourceVersion handed out. */
    public String resourceVersion() {
        return Long.toString(state.store.revision());
    }

    /**
     * The stored object, or null. {@code namespace} is ignored for cluster-scoped resources. The copy is the
     * caller's to change.
     */
    public ObjectNode get(GroupVersionResource gvr, String namespace, String name) {
        ResourceType type = type(gvr);
        ObjectNode object = state.store.get(ResourceRegistry.key(type.group(), type.plural()),
                type.namespaced() ? namespace + "/" + name : name);
        return object == null ? null : Lists.render(type, gvr.version(), object).deepCopy();
    }

    /** The stored objects of a resource, in one namespace or (null) all of them, sorted by namespace and name. */
    public List<ObjectNode> list(GroupVersionResource gvr, String namespace) {
        ResourceType type = type(gvr);
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode object : state.store.current(ResourceRegistry.key(type.group(), type.plural())).values()) {
            if (namespace == null || !type.namespaced() || namespace.equals(Json.namespace(object))) {
                out.add(Lists.render(type, gvr.version(), object).deepCopy());
            }
        }
        return out;
    }

    /**
     * Creates an object directly, with the same rules as a POST (so watches see it), and returns the stored
     * object. Fails with {@link IllegalArgumentException} carrying the Status message when the POST would fail.
     */
    public ObjectNode create(GroupVersionResource gvr, ObjectNode object) {
        ResourceType type = type(gvr);
        String namespace = type.namespaced() ? Json.namespace(object) == null ? "default" : Json.namespace(object)
                : null;
        ResourceRequest request = new ResourceRequest("POST", type, gvr.version(), namespace, null, null,
                java.util.Map.of(), new io.netty.handler.codec.http.DefaultHttpHeaders()
                .set("User-Agent", "embedded-api-server"));
        try {
            return writes.create(request, object.deepCopy()).deepCopy();
        } catch (ApiError e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A {@code Mono} that completes once {@code condition} holds for this server: checked at subscription and again
     * after every write and every watch opened or closed, never by sleeping. Bound it in tests ({@code StepVerifier…verify(Duration)} or
     * {@code timeout}).
     */
    public Mono<Void> until(Predicate<EmbeddedApiServer> condition) {
        Objects.requireNonNull(condition, "condition");
        return Flux.merge(changes.asFlux(), Mono.just(-1L))
                .publishOn(Schedulers.parallel())
                .filter(tick -> condition.test(this))
                .next()
                .then();
    }

    /** Stops the server and closes every connection, watches included. */
    public void stop() {
        server.disposeNow(Duration.ofSeconds(5));
    }

    /** A non-blocking {@link #stop()}. */
    public Mono<Void> stopAsync() {
        return Mono.fromRunnable(server::dispose).then(server.onDispose());
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "EmbeddedApiServer[" + url() + "]";
    }

    private ResourceType type(GroupVersionResource gvr) {
        Objects.requireNonNull(gvr, "gvr");
        return state.registry.find(gvr.group(), gvr.version(), gvr.resource())
                .orElseThrow(() -> new IllegalArgumentException("the server does not serve " + gvr));
    }

    /** Settings of an {@link EmbeddedApiServer}; {@link #start()} or {@link #startAsync()} it. */
    public static final class Builder {
        private int port;
        private int historySize = 10_000;
        private int watchBufferSize = 1_000;
        private Duration bookmarkInterval = Duration.ofMinutes(1);
        private Duration watchTimeout = Duration.ofMinutes(30);
        private boolean requireNamespaces = true;
        private int sendBufferSize;
        private Clock clock = Clock.systemUTC();
        private final List<ResourceType> extraTypes = new ArrayList<>();

        private Builder() {
        }

        /** The port to listen on; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * How many changes the server remembers for watch resumes, {@code Exact} lists and continue tokens. Older
         * resourceVersions get 410 Expired.
         */
        public Builder historySize(int events) {
            if (events <= 0) {
                throw new IllegalArgumentException("historySize must be positive, got " + events);
            }
            this.historySize = events;
            return this;
        }

        /** How many events a watcher may have pending before it is closed as too slow (default 1000). */
        public Builder watchBufferSize(int events) {
            if (events <= 0) {
                throw new IllegalArgumentException("watchBufferSize must be positive, got " + events);
            }
            this.watchBufferSize = events;
            return this;
        }

        /** How often watches that allowed bookmarks get one (default one minute, like the real server). */
        public Builder bookmarkInterval(Duration interval) {
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("bookmarkInterval must be positive, got " + interval);
            }
            this.bookmarkInterval = interval;
            return this;
        }

        /** How long a watch without {@code timeoutSeconds} stays open (default 30 minutes). */
        public Builder watchTimeout(Duration timeout) {
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("watchTimeout must be positive, got " + timeout);
            }
            this.watchTimeout = timeout;
            return this;
        }

        /**
         * Whether writes into a namespace that does not exist fail with 404, as on a real cluster (default true).
         * With false, any namespace name is accepted without a Namespace object.
         */
        public Builder requireNamespaces(boolean require) {
            this.requireNamespaces = require;
            return this;
        }

        /**
         * The socket send buffer ({@code SO_SNDBUF}) of client connections; 0 (the default) leaves it to the OS.
         * A small buffer makes a client that stops reading show up after little data, for slow-watcher tests.
         */
        public Builder sendBufferSize(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("sendBufferSize must not be negative, got " + bytes);
            }
            this.sendBufferSize = bytes;
            return this;
        }

        /** The clock for timestamps and log times (default the system UTC clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Serves an additional resource type from the start. */
        public Builder resource(ResourceType type) {
            extraTypes.add(Objects.requireNonNull(type, "type"));
            return this;
        }

        /**
         * Starts the server and waits (at most 10 s) for it to listen. Blocks the calling thread: call it from a
         * test thread, never from a Reactor non-blocking thread — use {@link #startAsync()} there.
         */
        public EmbeddedApiServer start() {
            if (Schedulers.isInNonBlockingThread()) {
                throw new IllegalStateException("EmbeddedApiServer.Builder.start() blocks; on a non-blocking thread "
                        + "use startAsync()");
            }
            Assembly assembly = assemble();
            DisposableServer bound = assembly.http().bindNow(Duration.ofSeconds(10));
            return assembly.finish(bound);
        }

        /** Starts the server without blocking; the {@code Mono} emits it once it listens. */
        public Mono<EmbeddedApiServer> startAsync() {
            return Mono.defer(() -> {
                Assembly assembly = assemble();
                return assembly.http().bind().map(assembly::finish);
            });
        }

        private Assembly assemble() {
            List<ResourceType> types = new ArrayList<>(BuiltinResources.all());
            types.addAll(extraTypes);
            ResourceRegistry registry = new ResourceRegistry(types);
            ObjectStore store = new ObjectStore(historySize);
            WatchHub hub = new WatchHub();
            ServerState state = new ServerState(registry, store, hub, clock, watchBufferSize, bookmarkInterval,
                    watchTimeout, requireNamespaces);
            store.observe(hub::dispatch);
            new Controllers(state).attach();
            Sinks.Many<Long> changes = Sinks.many().multicast().directBestEffort();
            store.observe(change -> changes.tryEmitNext(change.revision()));
            // Watch registrations happen under the store's monitor, so emissions stay serialized.
            hub.onChange(() -> store.atomically(() -> changes.tryEmitNext(-1L)));
            ContinueTokens tokens = new ContinueTokens();
            Faults faults = new Faults(state, tokens);
            PatchEngine engine = new DefaultPatchEngine(registry);
            Writes writes = new Writes(state, engine);
            PodLogs logs = new PodLogs(clock);
            ExecHandler exec = new ExecHandler(state);
            Discovery discovery = new Discovery(registry);
            Router router = new Router(state, discovery, faults,
                    new Reads(state, tokens), writes, new Deletes(state), new WatchHandler(state),
                    new Subresources(state, writes, engine), new PatchHandler(state, writes, engine),
                    new PodStreams(new LogHandler(state, logs), exec));
            SystemObjects.create(state, writes);
            // Unpooled buffers: Netty 4.2's adaptive pooling allocator takes a StampedLock when magazines contend,
            // which parks event-loop threads (and fails every BlockHound-guarded test using this server).
            HttpServer http = HttpServer.create().host("127.0.0.1").port(port)
                    .childOption(ChannelOption.ALLOCATOR, UnpooledByteBufAllocator.DEFAULT)
                    .handle(router::route);
            if (sendBufferSize > 0) {
                http = http.childOption(ChannelOption.SO_SNDBUF, sendBufferSize);
            }
            return new Assembly(http, discovery, state, faults, logs, exec, writes, changes);
        }
    }

    private record Assembly(HttpServer http, Discovery discovery, ServerState state, Faults faults, PodLogs logs,
                            ExecHandler exec, Writes writes, Sinks.Many<Long> changes) {
        EmbeddedApiServer finish(DisposableServer bound) {
            discovery.serverAddress("127.0.0.1:" + ((InetSocketAddress) bound.address()).getPort());
            return new EmbeddedApiServer(bound, state, faults, logs, exec, writes, changes);
        }
    }
}
