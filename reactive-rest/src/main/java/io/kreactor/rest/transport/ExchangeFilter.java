package io.kreactor.rest.transport;

import reactor.core.publisher.Mono;

/**
 * One cross-cutting step around an exchange (Spring WebClient's {@code ExchangeFilterFunction} idea): it may
 * change the request, call {@code next} zero, one or several times, and inspect or replace the response.
 *
 * <p>A filter that drops a response it received (to retry, for example) must {@link ClientResponse#release()}
 * it, so the connection goes back to the pool or is closed.
 */
@FunctionalInterface
public interface ExchangeFilter {

    /**
     * Handles {@code request}.
     *
     * @param request the request
     * @param next    the rest of the chain, ending with the network
     * @return the response to hand to the previous filter
     */
    Mono<ClientResponse> filter(TransportRequest request, ExchangeFunction next);
}
