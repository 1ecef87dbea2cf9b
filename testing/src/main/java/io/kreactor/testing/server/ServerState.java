package io.kreactor.testing.server;

import java.time.Clock;
import java.time.Duration;

/**
 * What every handler shares: the resource table, the storage, the watch hub, and the settings of one server.
 */
final class ServerState {

    final ResourceRegistry registry;
    final ObjectStore store;
    final WatchHub hub;
    final Clock clock;
    final int watchBufferSize;
    final Duration bookmarkInterval;
    final Duration defaultWatchTimeout;
    final boolean requireNamespaces;

    ServerState(ResourceRegistry registry, ObjectStore store, WatchHub hub, Clock clock, int watchBufferSize,
                Duration bookmarkInterval, Duration defaultWatchTimeout, boolean requireNamespaces) {
        this.registry = registry;
        this.store = store;
        this.hub = hub;
        this.clock = clock;
        this.watchBufferSize = watchBufferSize;
        this.bookmarkInterval = bookmarkInterval;
        this.defaultWatchTimeout = defaultWatchTimeout;
        this.requireNamespaces = requireNamespaces;
    }

    String now() {
        return Json.timestamp(clock.instant());
    }

    ResourceType namespaces() {
        return registry.find("", "namespaces").orElseThrow();
    }
}
