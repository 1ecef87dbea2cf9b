package io.kreactor.rest.transport;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.HttpProtocol;
import io.kreactor.core.config.ProxyConfig;
import io.kreactor.core.tls.ClientCertificateSource;
import io.kreactor.core.tls.KeyMaterial;
import io.netty.channel.ChannelOption;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import java.util.Locale;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import io.netty.buffer.PooledByteBufAllocator;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.transport.ProxyProvider;

/**
 * The Reactor Netty {@link HttpClient} for one {@link ClientConfig}: one shared {@link ConnectionProvider} pool,
 * the connect timeout, {@code User-Agent}, HTTP version policy, idle-connection health checks, proxy and TLS.
 *
 * <p>When the TLS configuration has a {@link ClientCertificateSource}, {@link #current()} asks it for the key
 * material on every request and builds a new client (same pool) when the source returns a different instance,
 * so rotated client certificates are used for new connections without a restart.
 */
final class NettyHttpClients {

    /** Go's {@code http.Transport} closes idle connections after 90 s; used when health checks are off. */
    private static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(90);

    private final ClientConfig config;
    /** Upper bound on pooled connections: each HTTP/1.1 watch holds one, so informers need many. */
    private static final int MAX_CONNECTIONS = 1024;

    private final ConnectionProvider pool;
    private final HttpClient base;
    private final boolean secure;
    private final Mono<HttpClient> fixed;
    private volatile Built built;
    /** The upgrade client when there is no rotating client certificate; built once, on first use. */
    private volatile Mono<HttpClient> upgradeFixed;

    private record Built(KeyMaterial material, HttpClient client) {
    }

    NettyHttpClients(ClientConfig config) {
        this.config = config;
        this.secure = "https".equalsIgnoreCase(config.server().getScheme());
        this.pool = newPool(config, secure);
        this.base = newBase(config, pool, secure);
        this.fixed = secure && config.tls().clientCertificate() != null ? null : offEventLoop(() -> secured(null)).cache();
    }

    /** The client to send the next request with. */
    Mono<HttpClient> current() {
        if (fixed != null) {
            return fixed;
        }
        return config.tls().clientCertificate().current().flatMap(material -> {
            Built b = built;
            if (b != null && b.material == material) {
                return Mono.just(b.client);
            }
            return offEventLoop(() -> {
                HttpClient client = secured(material);
                built = new Built(material, client);
                return client;
            });
        });
    }

    /**
     * A client for protocol upgrades such as WebSocket: the same pool, proxy, timeouts and TLS trust and client
     * certificate as {@link #current()}, but HTTP/1.1 only (ALPN offers only {@code http/1.1}), because an upgrade
     * needs an HTTP/1.1 connection. The SSL context is built off the event loop, as for {@link #current()}.
     */
    Mono<HttpClient> upgradeClient() {
        HttpClient http11 = base.protocol(reactor.netty.http.HttpProtocol.HTTP11);
        if (!secure) {
            return Mono.just(http11);
        }
        if (config.tls().clientCertificate() == null) {
            Mono<HttpClient> cached = upgradeFixed;
            if (cached == null) {
                cached = offEventLoop(() -> secured11(http11, null)).cache();
                upgradeFixed = cached;
            }
            return cached;
        }
        return config.tls().clientCertificate().current().flatMap(m -> offEventLoop(() -> secured11(http11, m)));
    }

    private HttpClient secured11(HttpClient http11, KeyMaterial material) {
        return http11.secure(spec -> spec.sslContext(SslContexts.spec(config.tls(), material, false))
                .handlerConfigurator(SslContexts.engineConfigurer(config.tls())));
    }

    /**
     * Runs {@code build} on a bounded-elastic thread when TLS is involved: building an SSL context may read the
     * JDK's trust store from disk, which must not happen on an event loop or a parallel-scheduler thread.
     */
    private Mono<HttpClient> offEventLoop(java.util.function.Supplier<HttpClient> build) {
        Mono<HttpClient> mono = Mono.fromSupplier(build);
        return secure ? mono.subscribeOn(Schedulers.boundedElastic()) : mono;
    }

    /** Closes every pooled connection. */
    void dispose() {
        pool.dispose();
    }

    boolean isDisposed() {
        return pool.isDisposed();
    }

    private HttpClient secured(KeyMaterial material) {
        if (!secure) {
            return base;
        }
        boolean alpnH2 = config.httpProtocol() != HttpProtocol.HTTP_1_1;
        return base.secure(spec -> spec.sslContext(SslContexts.spec(config.tls(), material, alpnH2))
                .handlerConfigurator(SslContexts.engineConfigurer(config.tls())));
    }

    private static ConnectionProvider newPool(ClientConfig config, boolean secure) {
        Duration idle = config.idleConnectionHealthCheck().isZero() ? DEFAULT_MAX_IDLE : config.idleConnectionHealthCheck();
        ConnectionProvider.Builder pool = ConnectionProvider.builder("kreactor-" + config.server().getHost())
                // Every watch holds a connection (HTTP/1.1) or a stream (HTTP/2); informers keep many open.
                .maxConnections(MAX_CONNECTIONS)
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(idle);
        boolean mayNegotiateHttp2 = config.httpProtocol() == HttpProtocol.HTTP_2
                || (config.httpProtocol() == HttpProtocol.AUTO && secure);
        if (mayNegotiateHttp2) {
            // Without strict reuse, streams acquired concurrently each open a new connection before the first
            // connection's free stream slots become visible (reactor-netty#4050): 1,000 watches made 967 connections.
            // With it, a connection is filled up to the server's MAX_CONCURRENT_STREAMS before another is opened.
            pool.allocationStrategy(Http2AllocationStrategy.builder()
                    .maxConnections(MAX_CONNECTIONS).minConnections(1).strictConnectionReuse(true).build());
        }
        return pool.build();
    }

    private static HttpClient newBase(ClientConfig config, ConnectionProvider pool, boolean secure) {
        HttpClient client = HttpClient.create(pool)
                // Netty 4.2's default adaptive allocator parks on a StampedLock when its magazines contend, which
                // blocks an event loop (BlockHound catches it under load); the classic pooled allocator's locks are
                // ones Netty's own BlockHound integration declares safe.
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .headers(h -> h.set(HttpHeaderNames.USER_AGENT, config.userAgent()))
                .followRedirect(false)
                .protocol(protocols(config.httpProtocol(), secure));
        client = healthChecks(client, config);
        if (config.proxy() != null) {
            client = proxy(client, config.proxy());
        }
        return client;
    }

    static reactor.netty.http.HttpProtocol[] protocols(HttpProtocol policy, boolean secure) {
        return switch (policy) {
            case HTTP_1_1 -> new reactor.netty.http.HttpProtocol[] {reactor.netty.http.HttpProtocol.HTTP11};
            case HTTP_2 -> new reactor.netty.http.HttpProtocol[] {
                    secure ? reactor.netty.http.HttpProtocol.H2 : reactor.netty.http.HttpProtocol.H2C};
            // Like Go's transport: ALPN picks h2 or http/1.1 over TLS; plain http stays HTTP/1.1 (no h2c upgrade).
            case AUTO -> secure
                    ? new reactor.netty.http.HttpProtocol[] {reactor.netty.http.HttpProtocol.HTTP11, reactor.netty.http.HttpProtocol.H2}
                    : new reactor.netty.http.HttpProtocol[] {reactor.netty.http.HttpProtocol.HTTP11};
        };
    }

    private static HttpClient healthChecks(HttpClient client, ClientConfig config) {
        Duration idle = config.idleConnectionHealthCheck();
        if (idle.isZero()) {
            return client;
        }
        Duration ackTimeout = config.healthCheckTimeout().isZero() ? Duration.ofSeconds(15) : config.healthCheckTimeout();
        // HTTP/2: a PING after the connection was idle for maxIdleTime; no ACK within ackTimeout closes it
        // (client-go's ReadIdleTimeout / PingTimeout). HTTP/1.1: TCP keepalive probes after the same idle time.
        HttpClient c = client.http2Settings(s -> s.pingAckTimeout(ackTimeout).pingAckDropThreshold(1))
                .option(ChannelOption.SO_KEEPALIVE, true);
        int idleSeconds = (int) Math.max(1, idle.toSeconds());
        int intervalSeconds = (int) Math.max(1, ackTimeout.toSeconds() / 3);
        // Reactor Netty prefers the native epoll transport when it is available; otherwise the channels are NIO.
        if (Epoll.isAvailable()) {
            return c.option(EpollChannelOption.TCP_KEEPIDLE, idleSeconds)
                    .option(EpollChannelOption.TCP_KEEPINTVL, intervalSeconds)
                    .option(EpollChannelOption.TCP_KEEPCNT, 3);
        }
        return c.option(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE), idleSeconds)
                .option(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL), intervalSeconds)
                .option(NioChannelOption.of(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT), 3);
    }

    private static HttpClient proxy(HttpClient client, ProxyConfig proxy) {
        ProxyProvider.Proxy type = switch (proxy.type()) {
            // An https:// proxy URL is still reached through a CONNECT tunnel; see ProxyConfig.
            case HTTP, HTTPS -> ProxyProvider.Proxy.HTTP;
            case SOCKS5 -> ProxyProvider.Proxy.SOCKS5;
        };
        return client.proxy(spec -> {
            ProxyProvider.Builder b = spec.type(type).host(proxy.host()).port(proxy.port());
            if (proxy.username() != null) {
                String password = proxy.password();
                b.username(proxy.username()).password(user -> password);
            }
        });
    }

    @Override
    public String toString() {
        return "NettyHttpClients[" + config.server() + ", " + config.httpProtocol().name().toLowerCase(Locale.ROOT) + "]";
    }
}
