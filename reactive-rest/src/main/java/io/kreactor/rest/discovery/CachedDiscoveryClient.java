package io.kreactor.rest.discovery;

/**
 * A {@link DiscoveryClient} that keeps answers in memory (client-go's {@code memory.memCacheClient} and
 * {@code CachedDiscoveryInterface}).
 *
 * <p>The server version and the full {@link DiscoveryResult} are each fetched once and kept for the configured
 * time to live; {@link #serverGroups()}, {@link #serverPreferredResources()} and
 * {@link #serverResourcesForGroupVersion} are answered from the cached result. Callers that subscribe while a
 * fetch is running share that fetch instead of sending their own. Failed fetches are not kept, so the next
 * caller tries again. A partial result (some group versions failed) is kept like a complete one, so a
 * permanently broken aggregated API does not make every lookup rediscover everything.
 */
public interface CachedDiscoveryClient extends DiscoveryClient {

    /**
     * Drops everything cached; the next call fetches again. A RESTMapper calls this when a kind is not found,
     * since the server may have gained a CustomResourceDefinition since discovery last ran.
     */
    void invalidate();
}
