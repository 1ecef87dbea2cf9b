package io.kreactor.examples;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.ClientConfigs;
import io.kreactor.core.errors.ConfigException;
import io.kreactor.testing.server.EmbeddedApiServer;

/**
 * How the small examples find a cluster: the usual kubeconfig chain ({@code KUBECONFIG}, {@code ~/.kube/config},
 * in-cluster) when there is one, else a fresh embedded API server, so every example runs anywhere.
 */
public final class ExampleCluster implements AutoCloseable {

    private final ClientConfig config;
    private final EmbeddedApiServer server;

    private ExampleCluster(ClientConfig config, EmbeddedApiServer server) {
        this.config = config;
        this.server = server;
    }

    /** Loads the kubeconfig, or starts an embedded server when none is found (messages go to stderr). */
    public static ExampleCluster connect() {
        try {
            ClientConfig config = ClientConfigs.load();
            System.err.println("using " + config.server() + " (" + config.source() + ")");
            return new ExampleCluster(config, null);
        } catch (ConfigException e) {
            EmbeddedApiServer server = EmbeddedApiServer.builder().start();
            System.err.println("no kubeconfig found (" + e.getMessage() + "); started an embedded API server at " + server.url());
            return new ExampleCluster(server.clientConfig(), server);
        }
    }

    /** The configuration to build clients from. */
    public ClientConfig config() {
        return config;
    }

    /** Stops the embedded server, if one was started. */
    @Override
    public void close() {
        if (server != null) {
            server.stop();
        }
    }
}
