package io.kreactor.examples.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.rest.resource.ResourceList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The first half of the demo: create ConfigMaps, list them page by page, and watch changes made after the list —
 * showing that a watch started from a list's resourceVersion sees every later change exactly once, in order.
 */
final class ListAndWatchSteps {

    static final String APP_LABEL = "app";
    static final String APP = "kreactor-demo";
    static final String TIER_LABEL = "tier";
    static final List<String> TIERS = List.of("frontend", "backend", "cache");
    private static final int PAGE_SIZE = 10;

    private final ResourceClient<ConfigMap> configMaps;
    private final Narrator n;

    ListAndWatchSteps(ResourceClient<ConfigMap> configMaps, Narrator n) {
        this.configMaps = configMaps;
        this.n = n;
    }

    static ConfigMap configMap(String name, String tier, String message) {
        return new ConfigMapBuilder()
                .withNewMetadata().withName(name).addToLabels(APP_LABEL, APP).addToLabels(TIER_LABEL, tier).endMetadata()
                .withData(Map.of("message", message))
                .build();
    }

    /** Creates {@code count} ConfigMaps, eight requests in flight at a time. */
    Mono<Long> create(int count) {
        return Flux.range(0, count)
                .flatMap(i -> configMaps.create(configMap("config-" + i, TIERS.get(i % TIERS.size()), "hello #" + i)), 8)
                .count()
                .doOnNext(c -> n.detail("created %d ConfigMaps labelled %s=%s (tiers %s)", c, APP_LABEL, APP, TIERS));
    }

    /**
     * Lists the ConfigMaps {@value #PAGE_SIZE} at a time, following {@code continue} tokens; the next page is
     * requested only after the previous one arrived. Emits the resourceVersion of the first page.
     */
    Mono<String> listInPages() {
        ListOptions options = ListOptions.DEFAULT.withLabelSelector(APP_LABEL + "=" + APP).withLimit(PAGE_SIZE);
        return configMaps.list(options)
                .expand(page -> page.metadata().hasMore()
                        ? configMaps.list(options.withContinue(page.continueToken()))
                        : Mono.empty())
                .index()
                .doOnNext(p -> n.detail("page %d: %d items%s", p.getT1() + 1, p.getT2().items().size(),
                        p.getT2().metadata().hasMore() ? ", continue token received" : ", last page"))
                .map(p -> p.getT2())
                .collectList()
                .map(pages -> {
                    long total = pages.stream().mapToLong(p -> p.items().size()).sum();
                    n.detail("listed %d ConfigMaps in %d pages; the list's resourceVersion is %s", total, pages.size(),
                            pages.get(0).resourceVersion());
                    return pages.get(0).resourceVersion();
                });
    }

    /** Counts every item with the streaming list, which fetches pages only as the subscriber asks for items. */
    Mono<Long> streamAll() {
        return configMaps.listAll(ListOptions.DEFAULT.withLabelSelector(APP_LABEL + "=" + APP).withLimit(PAGE_SIZE))
                .count()
                .doOnNext(c -> n.detail("streamed %d ConfigMaps through listAll() with backpressure", c));
    }

    /**
     * Watches from {@code listResourceVersion} while changing four objects: the watch sees exactly those four changes,
     * in order, even though it may connect after they were made — the resourceVersion says where to start.
     */
    Mono<List<WatchEvent<ConfigMap>>> watchChanges(String listResourceVersion, int count) {
        Mono<List<WatchEvent<ConfigMap>>> events = configMaps
                .watch(WatchOptions.DEFAULT.withResourceVersion(listResourceVersion).withLabelSelector(APP_LABEL + "=" + APP))
                .filter(e -> e.type() != WatchEventType.BOOKMARK)
                .doOnNext(e -> n.detail("watch event %-8s %s (resourceVersion %s)", e.type(),
                        e.object() == null ? e.status() : e.object().getMetadata().getName(),
                        e.object() == null ? "-" : e.object().getMetadata().getResourceVersion()))
                .take(4)
                .collectList()
                .timeout(Duration.ofSeconds(30));
        Mono<Void> changes = configMaps.get("config-0")
                .flatMap(cm -> {
                    cm.getData().put("message", "changed by update");
                    return configMaps.update(cm);
                })
                .then(configMaps.patch("config-1", PatchType.MERGE, Map.of("data", Map.of("message", "changed by merge patch"))))
                .then(configMaps.delete("config-2"))
                .then(configMaps.create(configMap("config-" + count, "frontend", "created after the list")))
                .doOnSuccess(c -> n.detail("made 4 changes: update config-0, merge-patch config-1, delete config-2, create config-%d", count))
                .then();
        return Mono.zip(events, changes.thenReturn(true)).map(t -> t.getT1());
    }
}
