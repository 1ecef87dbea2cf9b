package io.kreactor.examples;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kreactor.clientset.KubernetesClientSet;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.rest.resource.ResourceClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Watches ConfigMaps in the default namespace for a minute, resuming from the last resourceVersion seen
 * (bookmarks included) whenever the server ends the watch, so no change is missed or seen twice. (A
 * {@code Reflector} does this and more — relisting on 410 — for informers.)
 */
public final class WatchWithResume {

    private WatchWithResume() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        try (ExampleCluster cluster = ExampleCluster.connect()) {
            KubernetesClientSet clients = KubernetesClientSet.create(cluster.config());
            ResourceClient<ConfigMap> configMaps = clients.coreV1().configMaps("default");
            String listRv = configMaps.list(ListOptions.DEFAULT.withLimit(1)).block(Duration.ofSeconds(30)).resourceVersion();
            AtomicReference<String> lastRv = new AtomicReference<>(listRv);
            Flux<WatchEvent<ConfigMap>> resumingWatch = Flux.defer(() -> configMaps.watch(WatchOptions.DEFAULT
                            .withResourceVersion(lastRv.get()).withAllowWatchBookmarks(true).withTimeoutSeconds(30)))
                    .doOnNext(e -> {
                        if (e.object() != null) {
                            lastRv.set(e.object().getMetadata().getResourceVersion());
                        }
                    })
                    .repeat()                                         // the server ended the watch: go on from lastRv
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(800)).maxBackoff(Duration.ofSeconds(30)));
            resumingWatch
                    .filter(e -> e.object() != null)
                    .doOnNext(e -> System.out.printf("%-8s %s (rv %s)%n", e.type(), e.object().getMetadata().getName(),
                            e.object().getMetadata().getResourceVersion()))
                    .take(Duration.ofMinutes(1))
                    .then(Mono.fromRunnable(() -> System.out.println("done; last resourceVersion " + lastRv.get())))
                    .block();
            clients.dispose();
        }
    }
}
