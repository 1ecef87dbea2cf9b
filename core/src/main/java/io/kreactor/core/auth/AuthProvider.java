package io.kreactor.core.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies the {@code Authorization} header for requests: a bearer token (static, from a rotating token file,
 * from an exec credential plugin, from an OIDC id-token) or basic credentials.
 *
 * <p>Implementations never block the calling thread: reading a token file or running a plugin happens on a
 * bounded-elastic scheduler, and the result is cached as long as it is valid. Implementations never put the
 * credential into {@code toString()}, logs or exception messages.
 */
public interface AuthProvider {

    /**
     * The {@code Authorization} header value for the next request (for example {@code Bearer abc}), or an
     * empty {@code Mono} when requests go without one.
     */
    Mono<String> authorization();

    /**
     * Called after the server answered 401 Unauthorized to a request that carried {@link #authorization()}.
     * Drops cached credentials; emits {@code true} when newly obtained credentials may succeed, so the
     * transport retries the request once (client-go re-runs an exec plugin this way), {@code false} otherwise.
     */
    default Mono<Boolean> refreshAfterUnauthorized() {
        return Mono.just(false);
    }

    /** No credentials: requests carry no {@code Authorization} header. */
    static AuthProvider none() {
        return NoAuth.INSTANCE;
    }
}
