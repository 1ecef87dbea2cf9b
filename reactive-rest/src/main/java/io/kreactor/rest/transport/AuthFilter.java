package io.kreactor.rest.transport;

import io.kreactor.core.auth.AuthProvider;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Adds the {@code Authorization} header from the {@link AuthProvider} and, when the server answers 401 to a
 * request that carried one, asks the provider to refresh ({@link AuthProvider#refreshAfterUnauthorized()}) and
 * sends the request once more if it says the new credentials may work — client-go re-runs an exec plugin the
 * same way. A second 401 is returned as is.
 */
final class AuthFilter implements ExchangeFilter {

    static final String AUTHORIZATION = "Authorization";

    private final AuthProvider auth;

    AuthFilter(AuthProvider auth) {
        this.auth = auth;
    }

    @Override
    public Mono<ClientResponse> filter(TransportRequest request, ExchangeFunction next) {
        return send(request, next).flatMap(sent -> {
            ClientResponse response = sent.response;
            if (response.statusCode() != 401 || !sent.authorized) {
                return Mono.just(response);
            }
            // The 401 body stays unread while the provider refreshes; if the caller gives up meanwhile, nobody
            // else would free the connection.
            return auth.refreshAfterUnauthorized()
                    .defaultIfEmpty(false)
                    .doOnCancel(response::close)
                    .onErrorResume(e -> response.release().then(Mono.error(e)))
                    .flatMap(retry -> retry
                            ? response.release().then(send(request, next)).map(again -> again.response)
                            : Mono.just(response));
        });
    }

    private record Sent(ClientResponse response, boolean authorized) {
    }

    private Mono<Sent> send(TransportRequest request, ExchangeFunction next) {
        return auth.authorization()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(header -> next.exchange(header.map(h -> request.withHeader(AUTHORIZATION, h)).orElse(request))
                        .map(response -> new Sent(response, header.isPresent())));
    }

    @Override
    public String toString() {
        return "AuthFilter[" + auth + "]";
    }
}
