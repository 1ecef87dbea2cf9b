package io.kreactor.core.auth;

import reactor.core.publisher.Mono;

/** The provider behind {@link AuthProvider#none()}. */
enum NoAuth implements AuthProvider {
    INSTANCE;

    @Override
    public Mono<String> authorization() {
        return Mono.empty();
    }

    @Override
    public String toString() {
        return "AuthProvider.none()";
    }
}
