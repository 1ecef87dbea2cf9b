package io.kreactor.examples.demo;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.ClientConfigs;
import io.kreactor.core.config.LoadOptions;
import io.kreactor.testing.server.EmbeddedApiServer;
import reactor.core.publisher.Mono;

/**
 * Where the demo runs: a fresh embedded API server (the default, no cluster needed) or the cluster a kubeconfig
 * names. Either way the rest of the demo only sees a {@link ClientConfig}.
 */
final class DemoTarget {

    /** The demo raises the client-side rate limit: it creates objects in bursts and wants to finish quickly. */
    private static final double DEMO_QPS = 50;
    private static final int DEMO_BURST = 100;

    private final ClientConfig config;
    private final EmbeddedApiServer server;

    private DemoTarget(ClientConfig config, EmbeddedApiServer server) {
        this.config = config.withRateLimit(DEMO_QPS, DEMO_BURST);
        this.server = server;
    }

    /** Starts the embedded server, or loads the kubeconfig (file I/O off the calling thread), as the options say. */
    static Mono<DemoTarget> open(DemoOptions options, Narrator n) {
        if (!options.cluster()) {
            long start = System.nanoTime();
            return EmbeddedApiServer.builder().startAsync().map(server -> {
                n.detail("started an embedded API server at %s in %d ms (no cluster, no kubeconfig needed)",
                        server.url(), (System.nanoTime() - start) / 1_000_000);
                return new DemoTarget(server.clientConfig(), server);
            });
        }
        LoadOptions load = LoadOptions.defaults();
        if (options.kubeconfig() != null) {
            load = load.withKubeconfig(options.kubeconfig());
        }
        if (options.context() != null) {
            load = load.withContext(options.context());
        }
        return ClientConfigs.loadAsync(load).map(config -> {
            n.detail("using the cluster at %s (%s)", config.server(), config.source());
            return new DemoTarget(config, null);
        });
    }

    /** The client configuration for the target. */
    ClientConfig config() {
        return config;
    }

    /** True when the demo runs against its own embedded server (and may therefore leave things behind). */
    boolean embedded() {
        return server != null;
    }

    /** Stops the embedded server, if there is one. */
    Mono<Void> close() {
        return server == null ? Mono.empty() : server.stopAsync();
    }
}
