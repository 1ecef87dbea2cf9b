package io.kreactor.benchmarks.clients;

import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodList;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * fabric8 {@code kubernetes-client} with its default HTTP client (Vert.x), configured only with the server URL
 * and no client-side limits beyond fabric8's defaults. A watch ending is reported by fabric8 as
 * {@code onClose(WatcherException)} after it tries to reconnect; the workload stops at the expected count instead.
 */
public final class Fabric8PodClient implements PodClient {

    private final KubernetesClient client;

    /** A client for {@code serverUrl}. */
    public Fabric8PodClient(String serverUrl) {
        this.client = new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl(serverUrl).withNamespace("default")
                        .withRequestRetryBackoffLimit(0).build())
                .build();
    }

    /** The underlying client, for the informer and many-watches workloads. */
    public KubernetesClient client() {
        return client;
    }

    @Override
    public String name() {
        return "fabric8";
    }

    @Override
    public Decoded list(String namespace, int limit) {
        Decoded.Counter counter = new Decoded.Counter();
        String token = null;
        do {
            ListOptionsBuilder options = new ListOptionsBuilder();
            if (limit > 0) {
                options.withLimit((long) limit);
            }
            if (token != null) {
                options.withContinue(token);
            }
            PodList page = client.pods().inNamespace(namespace).list(options.build());
            for (Pod pod : page.getItems()) {
                counter.add(pod.getMetadata().getName(), pod.getMetadata().getResourceVersion());
            }
            token = page.getMetadata().getContinue();
        } while (token != null && !token.isEmpty());
        return counter.result();
    }

    @Override
    public Decoded watch(String namespace, int expected) throws Exception {
        Decoded.Counter counter = new Decoded.Counter();
        CompletableFuture<Decoded> done = new CompletableFuture<>();
        var watch = client.pods().inNamespace(namespace).watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                counter.add(pod.getMetadata().getName(), pod.getMetadata().getResourceVersion());
                if (counter.count() == expected) {
                    done.complete(counter.result());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                done.completeExceptionally(cause);
            }
        });
        try {
            return done.get(5, TimeUnit.MINUTES);
        } finally {
            watch.close();
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
