package io.kreactor.core.auth;

import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * Caches the credential a {@code fetch} publisher produces: concurrent callers share one fetch, the cached value
 * is reused until {@code stale} says otherwise, and {@link #invalidate()} forces the next caller to fetch again
 * (after a 401). Errors are not cached: the next caller tries again.
 */
final class CredentialCache<T> {

    private final Mono<T> cached;
    private volatile T last;
    private volatile T invalidated;

    CredentialCache(Mono<T> fetch, Predicate<T> stale) {
        this.cached = fetch.doOnNext(value -> last = value)
                .cacheInvalidateIf(value -> value == invalidated || stale.test(value));
    }

    /** The cached credential, fetched first if there is none or it went stale. */
    Mono<T> get() {
        return cached;
    }

    /** The credential most recently fetched, or null. */
    T last() {
        return last;
    }

    /**
     * Marks the credential most recently fetched as unusable; concurrent invalidations of the same credential
     * lead to a single new fetch.
     */
    void invalidate() {
        invalidated = last;
    }
}
