package io.kreactor.core.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import reactor.core.publisher.Mono;

/** HTTP basic authentication from a kubeconfig user's {@code username} and {@code password}. */
final class BasicAuth implements AuthProvider {

    private final String username;
    private final Mono<String> header;

    BasicAuth(String username, String password) {
        this.username = username;
        String pair = username + ":" + password;
        this.header = Mono.just("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public Mono<String> authorization() {
        return header;
    }

    @Override
    public String toString() {
        return "BasicAuth[username=" + username + ", password=<redacted>]";
    }
}
