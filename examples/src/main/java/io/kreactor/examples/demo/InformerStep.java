package io.kreactor.examples.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.informers.informer.InformerEvent;
import io.kreactor.informers.informer.InformerKey;
import io.kreactor.informers.informer.SharedIndexInformer;
import io.kreactor.informers.informer.SharedInformerFactory;
import io.kreactor.informers.lister.Lister;
import io.kreactor.rest.resource.ResourceClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The informer part of the demo: a shared informer keeps an indexed cache of the ConfigMaps, a Lister answers
 * queries from it without calling the server, and a change on the server reaches the cache through the watch.
 */
final class InformerStep {

    static final String TIER_INDEX = "tier";

    private final SharedIndexInformer<ConfigMap> informer;
    private final Narrator n;

    InformerStep(SharedInformerFactory factory, GroupVersionResource configMaps, String namespace, Narrator n) {
        this.informer = factory.informerFor(InformerKey.of(configMaps, ConfigMap.class).inNamespace(namespace)
                .withLabelSelector(ListAndWatchSteps.APP_LABEL + "=" + ListAndWatchSteps.APP));
        this.informer.addIndexers(Map.of(TIER_INDEX,
                cm -> List.of(cm.getMetadata().getLabels().getOrDefault(ListAndWatchSteps.TIER_LABEL, "none"))));
        this.n = n;
    }

    /** The informer, for the controller to share its cache and events. */
    SharedIndexInformer<ConfigMap> informer() {
        return informer;
    }

    /** Waits for the first full list to reach the cache, then shows the cache, an index and a Lister query. */
    Mono<Integer> showCache(String namespace) {
        long start = System.nanoTime();
        return informer.synced().timeout(Duration.ofSeconds(30)).then(Mono.fromCallable(() -> {
            n.detail("informer synced in %d ms: %d ConfigMaps cached (last synced resourceVersion %s)",
                    (System.nanoTime() - start) / 1_000_000, informer.indexer().size(), informer.lastSyncResourceVersion());
            for (String tier : informer.indexer().listIndexFuncValues(TIER_INDEX).stream().sorted().toList()) {
                n.detail("index %s=%-8s -> %d objects", TIER_INDEX, tier, informer.indexer().byIndex(TIER_INDEX, tier).size());
            }
            Lister<ConfigMap> lister = Lister.of(informer.indexer(), MetadataAccessors.forType(ConfigMap.class));
            String message = lister.namespace(namespace).get("config-0")
                    .map(cm -> cm.getData().get("message")).orElse("<missing>");
            n.detail("lister: config-0 says \"%s\" (read from the cache, no request sent)", message);
            return informer.indexer().size();
        }));
    }

    /** Changes one object on the server and waits until the informer delivers the update from its watch. */
    Mono<Void> showLiveUpdate(ResourceClient<ConfigMap> configMaps) {
        Mono<InformerEvent<ConfigMap>> arrival = informer.events()
                .filter(e -> e instanceof InformerEvent.Updated<ConfigMap> u
                        && "config-3".equals(u.newObject().getMetadata().getName())
                        && "seen by the informer".equals(u.newObject().getData().get("message")))
                .next()
                .timeout(Duration.ofSeconds(30));
        Mono<ConfigMap> change = configMaps.get("config-3").flatMap(cm -> {
            cm.getData().put("message", "seen by the informer");
            return configMaps.update(cm);
        });
        long start = System.nanoTime();
        return Mono.zip(arrival, change).doOnNext(t -> n.detail("updated config-3 on the server; the informer delivered "
                + "Updated(old, new) after %d ms", (System.nanoTime() - start) / 1_000_000)).then();
    }
}
