package io.kreactor.rest.transport;

import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Retries like client-go's {@code rest.Request}: an answer of 429 or 5xx that carries {@code Retry-After: <seconds>}
 * is retried after that many seconds, and a GET whose connection was reset (or closed before any response) is
 * retried after one second — at most {@code maxRetries} times. Then the last answer (or error) is returned, so
 * the caller sees the typed error ({@code TooManyRequestsException}, …). Request bodies are byte arrays and can
 * always be sent again.
 *
 * <p>Delays run on the given {@link Scheduler}, so tests can use virtual time.
 */
final class RetryFilter implements ExchangeFilter {

    private static final Logger LOG = LoggerFactory.getLogger(RetryFilter.class);
    /** client-go waits one second before retrying a GET after a connection reset. */
    static final Duration CONNECTION_RESET_DELAY = Duration.ofSeconds(1);

    private final int maxRetries;
    private final Scheduler scheduler;

    RetryFilter(int maxRetries, Scheduler scheduler) {
        this.maxRetries = maxRetries;
        this.scheduler = scheduler;
    }

    @Override
    public Mono<ClientResponse> filter(TransportRequest request, ExchangeFunction next) {
        return attempt(request, next, 0);
    }

    private Mono<ClientResponse> attempt(TransportRequest request, ExchangeFunction next, int retries) {
        return next.exchange(request)
                .onErrorResume(e -> retries < maxRetries && "GET".equals(request.method()) && isConnectionReset(e), e -> {
                    LOG.debug("{}: connection reset, retry {} of {}", request.describe(), retries + 1, maxRetries);
                    return Mono.delay(CONNECTION_RESET_DELAY, scheduler).then(attempt(request, next, retries + 1));
                })
                .flatMap(response -> {
                    Duration wait = retries < maxRetries ? retryAfter(response) : null;
                    if (wait == null) {
                        return Mono.just(response);
                    }
                    LOG.debug("{}: {} with Retry-After {}s, retry {} of {}", request.describe(), response.statusCode(),
                            wait.toSeconds(), retries + 1, maxRetries);
                    return response.release()
                            .then(Mono.delay(wait, scheduler))
                            .then(attempt(request, next, retries + 1));
                });
    }

    /** The wait a 429/5xx answer asks for in {@code Retry-After} (whole seconds), or null when it is not retryable. */
    static Duration retryAfter(ClientResponse response) {
        int code = response.statusCode();
        if (code != 429 && code < 500) {
            return null;
        }
        String value = response.header("Retry-After");
        if (value == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(value.trim());
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            // client-go ignores an HTTP-date Retry-After as well.
            return null;
        }
    }

    /** True for a connection reset by the peer or closed before the response (client-go's IsConnectionReset / IsProbableEOF). */
    static boolean isConnectionReset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PrematureCloseException) {
                return true;
            }
            if (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("Connection reset")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
