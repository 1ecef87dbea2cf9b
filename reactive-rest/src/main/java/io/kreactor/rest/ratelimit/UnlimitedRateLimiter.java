package io.kreactor.rest.ratelimit;

import reactor.core.publisher.Mono;

/** The limiter that never delays (client-go's {@code flowcontrol.NewFakeAlwaysRateLimiter}). */
final class UnlimitedRateLimiter implements RateLimiter {

    static final UnlimitedRateLimiter INSTANCE = new UnlimitedRateLimiter();

    private UnlimitedRateLimiter() {
    }

    @Override
    public Mono<Void> acquire() {
        return Mono.empty();
    }

    @Override
    public String toString() {
        return "RateLimiter[unlimited]";
    }
}
