package io.kreactor.rest.discovery;

import io.kreactor.core.api.GroupVersion;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** The {@link CachedDiscoveryClient}: each cached answer is a {@code Mono.cache} with a time to live. */
final class DefaultCachedDiscoveryClient implements CachedDiscoveryClient {

    private final DiscoveryClient delegate;
    private final Duration ttl;
    private final Scheduler clock;
    private final AtomicReference<Mono<ServerVersion>> version = new AtomicReference<>();
    private final AtomicReference<Mono<DiscoveryResult>> result = new AtomicReference<>();

    DefaultCachedDiscoveryClient(DiscoveryClient delegate, Duration ttl, Scheduler clock) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, got " + ttl);
        }
        invalidate();
    }

    @Override
    public void invalidate() {
        // A new cached Mono per generation: callers of the old one still get its (possibly in-flight) answer.
        version.set(cached(delegate.serverVersion()));
        result.set(cached(delegate.discover()));
    }

    private <T> Mono<T> cached(Mono<T> source) {
        return source.cache(value -> ttl, error -> Duration.ZERO, () -> Duration.ZERO, clock);
    }

    @Override
    public Mono<ServerVersion> serverVersion() {
        return Mono.defer(version::get);
    }

    @Override
    public Mono<List<ApiGroup>> serverGroups() {
        return discover().map(DiscoveryResult::groups);
    }

    @Override
    public Mono<ApiResourceList> serverResourcesForGroupVersion(GroupVersion groupVersion) {
        Objects.requireNonNull(groupVersion, "groupVersion");
        return discover().flatMap(r -> r.resources(groupVersion).map(Mono::just)
                .orElseGet(() -> delegate.serverResourcesForGroupVersion(groupVersion)));
    }

    @Override
    public Mono<DiscoveryResult> discover() {
        return Mono.defer(result::get);
    }

    @Override
    public String toString() {
        return "CachedDiscoveryClient[" + delegate + ", ttl " + ttl + "]";
    }
}
