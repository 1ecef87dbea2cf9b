package io.kreactor.core.auth;

import reactor.core.publisher.Mono;

/** A fixed bearer token (a kubeconfig user's {@code token}, or an OIDC {@code id-token}). */
final class BearerTokenAuth implements AuthProvider {

    private final Mono<String> header;
    private final String description;

    BearerTokenAuth(String token, String description) {
        this.header = Mono.just("Bearer " + token);
        this.description = description;
    }

    @Override
    public Mono<String> authorization() {
        return header;
    }

    @Override
    public String toString() {
        return description;
    }
}
