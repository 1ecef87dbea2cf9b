package io.kreactor.rest.transport;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.WarningHandler;
import io.kreactor.rest.ratelimit.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The transport every request of one {@link io.kreactor.rest.RestClient} goes through: one Reactor Netty
 * {@code HttpClient} and connection pool per {@link ClientConfig}, wrapped in a chain of {@link ExchangeFilter}s.
 *
 * <p>The chain, outermost first: retries ({@code Retry-After}, connection resets of GETs), client-side rate
 * limiting (each attempt waits for a token, as in client-go), authentication (with one retry after a 401 when
 * the credentials could be refreshed), warnings, then the network. Error mapping is not a filter: whether a
 * non-2xx answer is an error depends on the terminal ({@code exchange()} returns it as is), so callers use
 * {@link ApiErrors}.
 *
 * <p>Thread-safe; {@link #dispose()} closes the pool.
 */
public final class HttpTransport implements Disposable {

    private final ClientConfig config;
    private final NettyHttpClients clients;
    private final ExchangeFunction exchange;
    private final Scheduler timeoutScheduler;

    private HttpTransport(ClientConfig config, NettyHttpClients clients, ExchangeFunction exchange, Scheduler scheduler) {
        this.config = config;
        this.clients = clients;
        this.exchange = exchange;
        this.timeoutScheduler = scheduler;
    }

    /** A transport for {@code config} whose warnings go to {@code warnings}; retry delays run on {@link Schedulers#parallel()}. */
    public static HttpTransport create(ClientConfig config, WarningHandler warnings) {
        return create(config, warnings, Schedulers.parallel());
    }

    /**
     * A transport for {@code config} whose warnings go to {@code warnings}, with retry delays and request timeouts
     * on {@code scheduler}.
     */
    public static HttpTransport create(ClientConfig config, WarningHandler warnings, Scheduler scheduler) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(warnings, "warnings");
        Objects.requireNonNull(scheduler, "scheduler");
        NettyHttpClients clients = new NettyHttpClients(config);
        ExchangeFunction network = new NettyExchangeFunction(clients);
        return new HttpTransport(config, clients, chain(network, filters(config, warnings, scheduler)), scheduler);
    }

    /** The standard filters for {@code config}, outermost first. */
    static List<ExchangeFilter> filters(ClientConfig config, WarningHandler warnings, Scheduler scheduler) {
        return List.of(
                new RetryFilter(config.maxRetries(), scheduler),
                new RateLimitFilter(config.qps() > 0 ? RateLimiter.tokenBucket(config.qps(), config.burst(), scheduler)
                        : RateLimiter.unlimited()),
                new AuthFilter(config.auth()),
                new WarningFilter(warnings));
    }

    /** {@code network} wrapped by {@code filters}, the first filter outermost. */
    static ExchangeFunction chain(ExchangeFunction network, List<ExchangeFilter> filters) {
        ExchangeFunction f = network;
        for (int i = filters.size() - 1; i >= 0; i--) {
            f = f.filteredBy(filters.get(i));
        }
        return f;
    }

    /** The configuration this transport was built from. */
    public ClientConfig config() {
        return config;
    }

    /** The filtered exchange function: emits the response once its headers arrived; the body is left to the caller. */
    public ExchangeFunction exchangeFunction() {
        return exchange;
    }

    /**
     * Sends {@code request} and turns its response into one value with {@code handler}, which must consume or
     * release the body. Unless the request is streaming, the request timeout ({@link TransportRequest#timeout()},
     * else {@link ClientConfig#requestTimeout()}) bounds everything from sending to the end of the handler's
     * work, and expiry is a {@link TransportException} naming the request.
     */
    public <T> Mono<T> exchange(TransportRequest request, Function<ClientResponse, Mono<T>> handler) {
        Mono<T> result = exchange.exchange(request).flatMap(handler);
        Duration timeout = effectiveTimeout(request);
        if (timeout == null) {
            return result;
        }
        return result.timeout(timeout, timeoutScheduler)
                .onErrorMap(TimeoutException.class, e -> new TransportException(request.describe()
                        + ": request timed out after " + timeout.toMillis() + " ms", e));
    }

    /**
     * Sends {@code request} and turns its response into a stream with {@code handler} (list items, watch
     * events, log chunks). The request timeout applies only to non-streaming requests, and then to the whole
     * stream; watches and log streams run as long as their subscriber wants.
     */
    public <T> Flux<T> exchangeMany(TransportRequest request, Function<ClientResponse, Flux<T>> handler) {
        Flux<T> result = exchange.exchange(request).flatMapMany(handler);
        Duration timeout = effectiveTimeout(request);
        if (timeout == null) {
            return result;
        }
        return Flux.defer(() -> {
            java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
            // takeUntilOther cancels the exchange (closing its connection); the error follows the truncated stream.
            return result.takeUntilOther(Mono.delay(timeout, timeoutScheduler).doOnNext(tick -> expired.set(true)))
                    .concatWith(Mono.defer(() -> expired.get()
                            ? Mono.error(new TransportException(request.describe() + ": request timed out after "
                                    + timeout.toMillis() + " ms"))
                            : Mono.empty()));
        });
    }

    private Duration effectiveTimeout(TransportRequest request) {
        if (request.streaming()) {
            return null;
        }
        Duration t = request.timeout() != null && !request.timeout().isZero() ? request.timeout() : config.requestTimeout();
        return t == null || t.isZero() ? null : t;
    }

    /** Closes the connection pool; requests sent afterwards fail. */
    @Override
    public void dispose() {
        clients.dispose();
    }

    @Override
    public boolean isDisposed() {
        return clients.isDisposed();
    }

    @Override
    public String toString() {
        return "HttpTransport[" + config.server() + "]";
    }
}
