package io.kreactor.rest.discovery;

import io.kreactor.core.api.GroupVersion;
import io.kreactor.rest.RestClient;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Asks the API server what it serves, like client-go's {@code discovery.DiscoveryClient}: its version, its API
 * groups and versions, and the resources of each group version (name, kind, scope, verbs, short names,
 * categories, subresources).
 *
 * <p>Group and resource discovery first asks {@code /api} and {@code /apis} for aggregated discovery
 * ({@code apidiscovery.k8s.io/v2}, then {@code v2beta1}) and, when the server answers with the plain
 * {@code APIVersions}/{@code APIGroupList} documents instead (servers before 1.27, or with the feature off),
 * fetches {@code /api/v1} and {@code /apis/{group}/{version}} for every group version in parallel.
 *
 * <p>A group version that fails to answer (an aggregated API server that is down, a stale aggregated entry)
 * does not fail discovery: {@link #discover()} returns the resources of every group version that answered and
 * names each failed one with its cause; {@link DiscoveryResult#orThrow()} turns that into a
 * {@link GroupDiscoveryFailedException}. Documents that lack a required field fail with a
 * {@link DiscoveryDocumentException} naming the document and the field.
 *
 * <p>Every method returns a cold publisher that sends its requests on subscription. Thread-safe.
 */
public interface DiscoveryClient {

    /** A discovery client that sends its requests through {@code rest}. */
    static DiscoveryClient create(RestClient rest) {
        return new DefaultDiscoveryClient(rest);
    }

    /**
     * A discovery client that keeps what {@code delegate} returned in memory for {@code ttl}, as client-go's
     * memory-cached discovery does; time is read from {@link Schedulers#parallel()}.
     */
    static CachedDiscoveryClient cached(DiscoveryClient delegate, Duration ttl) {
        return cached(delegate, ttl, Schedulers.parallel());
    }

    /** A caching discovery client that reads the time from {@code clock} (a virtual-time scheduler in tests). */
    static CachedDiscoveryClient cached(DiscoveryClient delegate, Duration ttl, Scheduler clock) {
        return new DefaultCachedDiscoveryClient(delegate, ttl, clock);
    }

    /** The server's version, from {@code GET /version}. */
    Mono<ServerVersion> serverVersion();

    /** The API groups the server serves, the core group (name "") first, each with its versions. */
    Mono<List<ApiGroup>> serverGroups();

    /** The resources of one group version, from {@code /api/v1} or {@code /apis/{group}/{version}}. */
    Mono<ApiResourceList> serverResourcesForGroupVersion(GroupVersion groupVersion);

    /**
     * Every group and the resources of every group version (client-go's {@code ServerGroupsAndResources}).
     * Fails only when the group lists themselves ({@code /api}, {@code /apis}) cannot be read; a failing group
     * version is recorded in {@link DiscoveryResult#failed()}.
     */
    Mono<DiscoveryResult> discover();

    /**
     * The resources of each group's preferred version (client-go's {@code ServerPreferredResources}), the
     * basis of kubectl's resource-name resolution.
     *
     * @return the lists, or a {@link GroupDiscoveryFailedException} carrying the partial result when a group
     *         version failed
     */
    default Mono<List<ApiResourceList>> serverPreferredResources() {
        return discover().map(result -> result.orThrow().preferredResources());
    }
}
