package io.kreactor.benchmarks.clients;

/**
 * One Kubernetes client under measurement, reduced to the calls the workloads make. Calls are synchronous so
 * that JMH measures the whole call; each client reaches its result through its own normal API.
 */
public interface PodClient extends AutoCloseable {

    /** Short name used in reports: {@code kreactor}, {@code fabric8}, {@code client-java}. */
    String name();

    /**
     * LISTs the pods of {@code namespace} into the client's typed model.
     *
     * @param limit page size; 0 for one page with everything
     */
    Decoded list(String namespace, int limit) throws Exception;

    /**
     * Watches {@code namespace}, decoding every event into a typed pod, until {@code expected} events arrived
     * (the server then ends the stream; fabric8 would reconnect, so every client stops at the count).
     */
    Decoded watch(String namespace, int expected) throws Exception;

    /** Releases connections and threads. */
    @Override
    void close();

    /** A client by report name, connected to {@code serverUrl}. */
    static PodClient create(String name, String serverUrl) {
        return switch (name) {
            case "kreactor" -> new KreactorPodClient(serverUrl, io.kreactor.core.config.HttpProtocol.HTTP_1_1);
            case "fabric8" -> new Fabric8PodClient(serverUrl);
            case "client-java" -> new OfficialPodClient(serverUrl);
            default -> throw new IllegalArgumentException("unknown client '" + name + "', expected kreactor, fabric8 or client-java");
        };
    }
}
