package io.kreactor.core.config;

import io.kreactor.core.auth.AuthProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to talk to one API server: where it is, how to trust it, how to authenticate, and how
 * the client behaves (namespace, rate limit, timeouts, retries). The counterpart of client-go's
 * {@code rest.Config}.
 *
 * <p>Immutable. Build one with {@link #builder(URI)}, load one from kubeconfig files or the pod's service account
 * with {@link ClientConfigs}, and derive variants with the {@code withX} methods or {@link #mutate()}.
 * {@link #toString()} never shows credentials.
 */
public final class ClientConfig {

    /** client-go's default client-side rate limit: 5 queries per second. */
    public static final double DEFAULT_QPS = 5;
    /** client-go's default burst: 10 requests. */
    public static final int DEFAULT_BURST = 10;
    /** client-go retries a request at most 10 times after {@code Retry-After}. */
    public static final int DEFAULT_MAX_RETRIES = 10;
    /** The default size cap for one decoded object (a list item, a watch event, a response body): 16 MiB. */
    public static final int DEFAULT_MAX_OBJECT_SIZE_BYTES = 16 * 1024 * 1024;
    /**
     * The default {@link #decodeParallelism()}: the number of available processors, at most 4 (one response's
     * reading thread cannot scan faster than about four threads bind); 0 on a single processor, where handing
     * binding to another thread only adds a hop.
     */
    public static final int DEFAULT_DECODE_PARALLELISM = defaultDecodeParallelism(Runtime.getRuntime().availableProcessors());

    private final URI server;
    private final TlsConfig tls;
    private final AuthProvider auth;
    private final String namespace;
    private final double qps;
    private final int burst;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Duration idleConnectionHealthCheck;
    private final Duration healthCheckTimeout;
    private final String userAgent;
    private final ProxyConfig proxy;
    private final HttpProtocol httpProtocol;
    private final int maxRetries;
    private final int maxObjectSizeBytes;
    private final int decodeParallelism;
    private final String source;

    private ClientConfig(Builder b) {
        this.server = b.server;
        this.tls = b.tls;
        this.auth = b.auth;
        this.namespace = b.namespace;
        this.qps = b.qps;
        this.burst = b.burst;
        this.connectTimeout = b.connectTimeout;
        this.requestTimeout = b.requestTimeout;
        this.idleConnectionHealthCheck = b.idleConnectionHealthCheck;
        this.healthCheckTimeout = b.healthCheckTimeout;
        this.userAgent = b.userAgent;
        this.proxy = b.proxy;
        this.httpProtocol = b.httpProtocol;
        this.maxRetries = b.maxRetries;
        this.maxObjectSizeBytes = b.maxObjectSizeBytes;
        this.decodeParallelism = b.decodeParallelism;
        this.source = b.source;
    }

    /** {@link #DEFAULT_DECODE_PARALLELISM} for a machine with {@code processors} available processors. */
    static int defaultDecodeParallelism(int processors) {
        return processors < 2 ? 0 : Math.min(processors, 4);
    }

    /**
     * A builder for a server at {@code server} ({@code https://host:port} or {@code http://…}, optionally with a
     * path prefix), with every other setting at its default.
     */
    public static Builder builder(URI server) {
        return new Builder(server);
    }

    /** Shorthand for {@code builder(URI.create(server))}; rejects a malformed URL with a message naming it. */
    public static Builder builder(String server) {
        return new Builder(parseServer(server));
    }

    /** A builder pre-filled with this configuration. */
    public Builder mutate() {
        return new Builder(this);
    }

    /** The API server's base URL, without a trailing slash. */
    public URI server() {
        return server;
    }

    /** TLS settings for {@code https} servers. */
    public TlsConfig tls() {
        return tls;
    }

    /** The credentials. */
    public AuthProvider auth() {
        return auth;
    }

    /** The default namespace for namespaced calls (the kubeconfig context's, else {@code default}). */
    public String namespace() {
        return namespace;
    }

    /** Client-side rate limit in queries per second; zero or less turns rate limiting off. */
    public double qps() {
        return qps;
    }

    /** How many requests may go at once above the steady {@link #qps()}. */
    public int burst() {
        return burst;
    }

    /** How long establishing a TCP (and TLS) connection may take. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * How long a non-streaming request may take from sending to the last byte of the response;
     * {@link Duration#ZERO} for no limit (client-go's default). Never applied to watches or log streams.
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long a connection may be silent before it is health-checked (an HTTP/2 PING, client-go's
     * {@code ReadIdleTimeout}); {@link Duration#ZERO} turns health checks off.
     */
    public Duration idleConnectionHealthCheck() {
        return idleConnectionHealthCheck;
    }

    /** How long a health-check PING may go unanswered before the connection is closed. */
    public Duration healthCheckTimeout() {
        return healthCheckTimeout;
    }

    /** The {@code User-Agent} header. */
    public String userAgent() {
        return userAgent;
    }

    /** The proxy to go through, or null for a direct connection. */
    public ProxyConfig proxy() {
        return proxy;
    }

    /** Which HTTP version to speak. */
    public HttpProtocol httpProtocol() {
        return httpProtocol;
    }

    /** How many times a request is retried after a {@code Retry-After} answer or a connection reset. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The largest single object (list item, watch event, body) that is decoded; larger ones fail clearly. */
    public int maxObjectSizeBytes() {
        return maxObjectSizeBytes;
    }

    /**
     * How many threads of Reactor's {@code Schedulers.parallel()} may bind (JSON to objects) the items of one LIST
     * response or the events of one WATCH at once, while the connection's event loop keeps reading and scanning
     * the bytes that follow; elements are still emitted in order and with backpressure. 0 binds on the event loop
     * itself, as each element is requested. Binding is most of a large LIST's CPU time, so on several cores this
     * is what lets a 5,000-pod LIST finish in less time than a single thread needs just to bind it.
     */
    public int decodeParallelism() {
        return decodeParallelism;
    }

    /** Where this configuration came from (for example {@code kubeconfig /home/u/.kube/config, context kind}). */
    public String source() {
        return source;
    }

    /** A copy that defaults to {@code namespace}. */
    public ClientConfig withNamespace(String namespace) {
        return Objects.equals(this.namespace, namespace) ? this : mutate().namespace(namespace).build();
    }

    /** A copy with {@code auth} as credentials. */
    public ClientConfig withAuth(AuthProvider auth) {
        return this.auth == auth ? this : mutate().auth(auth).build();
    }

    /** A copy with a rate limit of {@code qps} and {@code burst}; {@code qps <= 0} turns it off. */
    public ClientConfig withRateLimit(double qps, int burst) {
        return this.qps == qps && this.burst == burst ? this : mutate().qps(qps).burst(burst).build();
    }

    /** A copy that speaks {@code protocol}. */
    public ClientConfig withHttpProtocol(HttpProtocol protocol) {
        return this.httpProtocol == protocol ? this : mutate().httpProtocol(protocol).build();
    }

    /** A copy with {@code requestTimeout} for non-streaming requests. */
    public ClientConfig withRequestTimeout(Duration requestTimeout) {
        return Objects.equals(this.requestTimeout, requestTimeout) ? this : mutate().requestTimeout(requestTimeout).build();
    }

    /** A copy with {@code decodeParallelism}; see {@link #decodeParallelism()}. */
    public ClientConfig withDecodeParallelism(int decodeParallelism) {
        return this.decodeParallelism == decodeParallelism ? this : mutate().decodeParallelism(decodeParallelism).build();
    }

    /** Describes the configuration without credentials. */
    @Override
    public String toString() {
        return "ClientConfig[server=" + server + ", namespace=" + namespace + ", auth=" + auth + ", tls=" + tls
                + ", qps=" + qps + ", burst=" + burst + ", http=" + httpProtocol
                + (proxy == null ? "" : ", proxy=" + proxy) + (source == null ? "" : ", source=" + source) + "]";
    }

    static URI parseServer(String server) {
        Objects.requireNonNull(server, "server");
        URI uri;
        try {
            uri = new URI(server.trim());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("malformed server URL '" + server + "': " + e.getReason());
        }
        return uri;
    }

    static URI checkServer(URI server) {
        Objects.requireNonNull(server, "server");
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException("server URL '" + server + "' must start with https:// or http://");
        }
        if (server.getHost() == null || server.getHost().isEmpty()) {
            throw new IllegalArgumentException("server URL '" + server + "' has no host");
        }
        if (server.getRawUserInfo() != null) {
            throw new IllegalArgumentException("server URL must not carry credentials (host '" + server.getHost() + "')");
        }
        String s = server.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : server;
    }

    /**
     * Mutable builder for {@link ClientConfig}; {@link #build()} validates and freezes it.
     */
    public static final class Builder {
        private URI server;
        private TlsConfig tls = TlsConfig.SYSTEM_DEFAULT;
        private AuthProvider auth = AuthProvider.none();
        private String namespace = "default";
        private double qps = DEFAULT_QPS;
        private int burst = DEFAULT_BURST;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ZERO;
        private Duration idleConnectionHealthCheck = Duration.ofSeconds(30);
        private Duration healthCheckTimeout = Duration.ofSeconds(15);
        private String userAgent = "kreactor/0.1.0 (java " + System.getProperty("java.specification.version") + ")";
        private ProxyConfig proxy;
        private HttpProtocol httpProtocol = HttpProtocol.AUTO;
        private int maxRetries = DEFAULT_MAX_RETRIES;
        private int maxObjectSizeBytes = DEFAULT_MAX_OBJECT_SIZE_BYTES;
        private int decodeParallelism = DEFAULT_DECODE_PARALLELISM;
        private String source;

        private Builder(URI server) {
            this.server = server;
        }

        private Builder(ClientConfig c) {
            this.server = c.server;
            this.tls = c.tls;
            this.auth = c.auth;
            this.namespace = c.namespace;
            this.qps = c.qps;
            this.burst = c.burst;
            this.connectTimeout = c.connectTimeout;
            this.requestTimeout = c.requestTimeout;
            this.idleConnectionHealthCheck = c.idleConnectionHealthCheck;
            this.healthCheckTimeout = c.healthCheckTimeout;
            this.userAgent = c.userAgent;
            this.proxy = c.proxy;
            this.httpProtocol = c.httpProtocol;
            this.maxRetries = c.maxRetries;
            this.maxObjectSizeBytes = c.maxObjectSizeBytes;
            this.decodeParallelism = c.decodeParallelism;
            this.source = c.source;
        }

        /** Sets the server URL. */
        public Builder server(URI server) {
            this.server = server;
            return this;
        }

        /** Sets the TLS settings. */
        public Builder tls(TlsConfig tls) {
            this.tls = Objects.requireNonNull(tls, "tls");
            return this;
        }

        /** Sets the credentials. */
        public Builder auth(AuthProvider auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /** Sets the default namespace. */
        public Builder namespace(String namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /** Sets the rate limit in queries per second; zero or less turns it off. */
        public Builder qps(double qps) {
            this.qps = qps;
            return this;
        }

        /** Sets the burst. */
        public Builder burst(int burst) {
            this.burst = burst;
            return this;
        }

        /** Sets the connect timeout. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** Sets the timeout of non-streaming requests; {@link Duration#ZERO} for none. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
            return this;
        }

        /** Sets the idle time after which a connection is health-checked; {@link Duration#ZERO} for never. */
        public Builder idleConnectionHealthCheck(Duration idle) {
            this.idleConnectionHealthCheck = Objects.requireNonNull(idle, "idleConnectionHealthCheck");
            return this;
        }

        /** Sets how long a health-check may go unanswered. */
        public Builder healthCheckTimeout(Duration timeout) {
            this.healthCheckTimeout = Objects.requireNonNull(timeout, "healthCheckTimeout");
            return this;
        }

        /** Sets the {@code User-Agent}. */
        public Builder userAgent(String userAgent) {
            this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
            return this;
        }

        /** Sets the proxy, or null for none. */
        public Builder proxy(ProxyConfig proxy) {
            this.proxy = proxy;
            return this;
        }

        /** Sets the HTTP version policy. */
        public Builder httpProtocol(HttpProtocol httpProtocol) {
            this.httpProtocol = Objects.requireNonNull(httpProtocol, "httpProtocol");
            return this;
        }

        /** Sets the maximum number of retries. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** Sets the size cap of one decoded object. */
        public Builder maxObjectSizeBytes(int maxObjectSizeBytes) {
            this.maxObjectSizeBytes = maxObjectSizeBytes;
            return this;
        }

        /** Sets how many threads may bind one LIST's items or one WATCH's events; 0 binds on the event loop. */
        public Builder decodeParallelism(int decodeParallelism) {
            this.decodeParallelism = decodeParallelism;
            return this;
        }

        /** Records where the configuration came from, for diagnostics. */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /**
         * Validates and builds the configuration.
         *
         * @throws IllegalArgumentException naming the setting and value that are invalid
         */
        public ClientConfig build() {
            server = checkServer(server);
            if (namespace.isEmpty()) {
                throw new IllegalArgumentException("namespace must not be empty");
            }
            if (qps > 0 && burst < 1) {
                throw new IllegalArgumentException("burst must be at least 1 when qps > 0, was " + burst);
            }
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must not be negative, was " + maxRetries);
            }
            if (maxObjectSizeBytes < 1024) {
                throw new IllegalArgumentException("maxObjectSizeBytes must be at least 1024, was " + maxObjectSizeBytes);
            }
            if (decodeParallelism < 0) {
                throw new IllegalArgumentException("decodeParallelism must not be negative, was " + decodeParallelism);
            }
            if (connectTimeout.isNegative() || requestTimeout.isNegative() || idleConnectionHealthCheck.isNegative()
                    || healthCheckTimeout.isNegative()) {
                throw new IllegalArgumentException("timeouts must not be negative");
            }
            return new ClientConfig(this);
        }
    }
}
