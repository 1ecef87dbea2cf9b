package io.kreactor.rest.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.api.GroupVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/** The memory cache on virtual time: TTL, invalidation, shared in-flight fetches, failures not kept. */
class CachedDiscoveryClientTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    /** Counts fetches; each answer names its generation in the server version. */
    private static final class CountingDiscovery implements DiscoveryClient {
        final AtomicInteger discoveries = new AtomicInteger();
        final AtomicInteger versions = new AtomicInteger();
        volatile Mono<DiscoveryResult> next;

        @Override
        public Mono<ServerVersion> serverVersion() {
            return Mono.fromSupplier(() -> new ServerVersion("1", "31", "v1.31." + versions.incrementAndGet(), null, null, null, null));
        }

        @Override
        public Mono<List<ApiGroup>> serverGroups() {
            return discover().map(DiscoveryResult::groups);
        }

        @Override
        public Mono<ApiResourceList> serverResourcesForGroupVersion(GroupVersion groupVersion) {
            return Mono.just(new ApiResourceList(groupVersion, List.of()));
        }

        @Override
        public Mono<DiscoveryResult> discover() {
            return Mono.defer(() -> {
                discoveries.incrementAndGet();
                return next != null ? next : Mono.just(result(discoveries.get()));
            });
        }
    }

    static DiscoveryResult result(int generation) {
        ApiGroup core = new ApiGroup("", List.of("v1"), "v1");
        ApiResource pods = new ApiResource("pods", "pod", true, "", "v1", "Pod" + generation, List.of("get"), List.of("po"), List.of());
        return new DiscoveryResult(List.of(core), Map.of(GroupVersion.CORE_V1, new ApiResourceList(GroupVersion.CORE_V1, List.of(pods))), Map.of());
    }

    @AfterEach
    void dispose() {
        clock.dispose();
    }

    @Test
    void answersFromMemoryUntilTheTimeToLiveHasPassed() {
        CountingDiscovery source = new CountingDiscovery();
        CachedDiscoveryClient cached = DiscoveryClient.cached(source, Duration.ofMinutes(5), clock);

        StepVerifier.create(cached.serverPreferredResources()).assertNext(l -> assertThat(l).hasSize(1)).expectComplete().verify(WAIT);
        StepVerifier.create(cached.serverGroups()).expectNextCount(1).expectComplete().verify(WAIT);
        StepVerifier.create(cached.serverResourcesForGroupVersion(GroupVersion.CORE_V1))
                .assertNext(l -> assertThat(l.resources().get(0).kind()).isEqualTo("Pod1")).expectComplete().verify(WAIT);
        assertThat(source.discoveries).hasValue(1);

        clock.advanceTimeBy(Duration.ofMinutes(4));
        StepVerifier.create(cached.discover()).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(source.discoveries).hasValue(1);

        clock.advanceTimeBy(Duration.ofMinutes(1));
        StepVerifier.create(cached.discover())
                .assertNext(r -> assertThat(r.allResources().get(0).kind()).isEqualTo("Pod2")).expectComplete().verify(WAIT);
        assertThat(source.discoveries).hasValue(2);
    }

    @Test
    void invalidateMakesTheNextCallFetchAgain() {
        CountingDiscovery source = new CountingDiscovery();
        CachedDiscoveryClient cached = DiscoveryClient.cached(source, Duration.ofMinutes(5), clock);

        StepVerifier.create(cached.serverVersion()).assertNext(v -> assertThat(v.gitVersion()).isEqualTo("v1.31.1")).expectComplete().verify(WAIT);
        StepVerifier.create(cached.serverVersion()).assertNext(v -> assertThat(v.gitVersion()).isEqualTo("v1.31.1")).expectComplete().verify(WAIT);
        StepVerifier.create(cached.discover()).expectNextCount(1).expectComplete().verify(WAIT);

        cached.invalidate();

        StepVerifier.create(cached.serverVersion()).assertNext(v -> assertThat(v.gitVersion()).isEqualTo("v1.31.2")).expectComplete().verify(WAIT);
        StepVerifier.create(cached.discover()).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(source.discoveries).hasValue(2);
    }

    @Test
    void concurrentCallersShareOneFetch() {
        CountingDiscovery source = new CountingDiscovery();
        Sinks.One<DiscoveryResult> answer = Sinks.one();
        source.next = answer.asMono();
        CachedDiscoveryClient cached = DiscoveryClient.cached(source, Duration.ofMinutes(5), clock);

        StepVerifier first = StepVerifier.create(cached.discover()).expectNextCount(1).expectComplete().verifyLater();
        StepVerifier second = StepVerifier.create(cached.discover()).expectNextCount(1).expectComplete().verifyLater();
        answer.tryEmitValue(result(7));

        first.verify(WAIT);
        second.verify(WAIT);
        assertThat(source.discoveries).hasValue(1);
    }

    @Test
    void failedFetchIsNotKept() {
        CountingDiscovery source = new CountingDiscovery();
        source.next = Mono.error(new IllegalStateException("connection refused"));
        CachedDiscoveryClient cached = DiscoveryClient.cached(source, Duration.ofMinutes(5), clock);

        StepVerifier.create(cached.discover()).expectErrorMessage("connection refused").verify(WAIT);
        source.next = null;
        StepVerifier.create(cached.discover()).expectNextCount(1).expectComplete().verify(WAIT);
        assertThat(source.discoveries).hasValue(2);
    }
}
