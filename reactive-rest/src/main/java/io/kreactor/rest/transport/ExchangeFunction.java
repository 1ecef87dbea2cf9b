package io.kreactor.rest.transport;

import reactor.core.publisher.Mono;

/**
 * Sends a {@link TransportRequest} and emits the {@link ClientResponse} once its status and headers have
 * arrived (the body follows through {@link ClientResponse#body()}). The innermost exchange function talks to
 * Reactor Netty; {@link ExchangeFilter}s wrap it for auth, rate limiting, retries and warnings, the way
 * Spring WebClient's {@code ExchangeFunction} is wrapped by its {@code ExchangeFilterFunction}s.
 *
 * <p>Any status code is a successful exchange; turning non-2xx answers into exceptions is up to the caller.
 * Transport failures are {@link io.kreactor.core.errors.TransportException}s naming method and URL.
 */
@FunctionalInterface
public interface ExchangeFunction {

    /** Sends {@code request}; nothing happens until subscription, and each subscription sends again. */
    Mono<ClientResponse> exchange(TransportRequest request);

    /** This function wrapped by {@code filter}: the filter runs first and calls this function as its {@code next}. */
    default ExchangeFunction filteredBy(ExchangeFilter filter) {
        return request -> filter.filter(request, this);
    }
}
