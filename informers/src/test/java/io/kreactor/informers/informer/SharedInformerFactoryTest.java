package io.kreactor.informers.informer;

import static io.kreactor.informers.TestObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.informers.FakeListerWatcher;
import io.kreactor.informers.ListerWatcher;
import io.kreactor.rest.ListElement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

class SharedInformerFactoryTest {

    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();
    private final Map<InformerKey<?>, FakeListerWatcher> sources = new ConcurrentHashMap<>();
    private final SharedInformerFactory factory = SharedInformerFactory.create(key -> {
        FakeListerWatcher fake = sources.computeIfAbsent(key, k -> new FakeListerWatcher());
        return key.type() == Unstructured.class ? asUnstructured(fake) : fake;
    }, InformerConfig.DEFAULT.withScheduler(clock));

    /** The dynamic client's view of a fake source: the same objects as {@link Unstructured}. */
    private static ListerWatcher<Unstructured> asUnstructured(FakeListerWatcher source) {
        return new ListerWatcher<>() {
            @Override
            public Flux<ListElement<Unstructured>> list(ListOptions options) {
                return source.list(options).map(e -> e instanceof ListElement.Item<JsonNode> i
                        ? new ListElement.Item<>(Unstructured.of(i.item()))
                        : new ListElement.Metadata<>(((ListElement.Metadata<JsonNode>) e).meta()));
            }

            @Override
            public Flux<WatchEvent<Unstructured>> watch(WatchOptions options) {
                return source.watch(options).map(e -> e.isError() ? WatchEvent.<Unstructured>error(e.status())
                        : WatchEvent.of(e.type(), Unstructured.of(e.object())));
            }
        };
    }

    @Test
    void handsOutOneInformerPerResourceTypeNamespaceAndSelectors() {
        InformerKey<JsonNode> all = InformerKey.of(CONFIGMAPS, JsonNode.class);

        assertThat(factory.informerFor(all)).isSameAs(factory.informerFor(CONFIGMAPS, JsonNode.class));
        assertThat(factory.informerFor(all.inNamespace("ns"))).isNotSameAs(factory.informerFor(all));
        assertThat(factory.informerFor(all.withLabelSelector("app=web"))).isNotSameAs(factory.informerFor(all));
        assertThat(factory.informerFor(all.inNamespace(""))).isSameAs(factory.informerFor(all));
        assertThat(sources).hasSize(3);
    }

    @Test
    void waitForCacheSyncCompletesOnceEveryInformerHasSynced() {
        InformerKey<JsonNode> typedAsTree = InformerKey.of(CONFIGMAPS, JsonNode.class);
        InformerKey<Unstructured> untyped = InformerKey.of(CONFIGMAPS, Unstructured.class).inNamespace("ns");
        Sinks.Many<ListElement<JsonNode>> slowList = Sinks.many().unicast().onBackpressureBuffer();
        SharedIndexInformer<JsonNode> first = factory.informerFor(typedAsTree);
        SharedIndexInformer<Unstructured> second = factory.informerFor(untyped);
        sources.get(typedAsTree).list(slowList.asFlux()).watch(Flux.never());
        sources.get(untyped).page("10", null, obj("ns", "a", "3")).watch(Flux.never());

        StepVerifier.create(factory.waitForCacheSync())
                .then(factory::start)
                .then(() -> assertThat(first.hasSynced()).isFalse())
                .then(() -> assertThat(second.hasSynced()).isTrue())
                .then(() -> {
                    slowList.tryEmitNext(new ListElement.Metadata<>(new io.kreactor.core.api.ListMeta("5", null, null)));
                    slowList.tryEmitComplete();
                })
                .expectComplete()
                .verify(WAIT);
        assertThat(first.hasSynced()).isTrue();
        assertThat(second.indexer().getByKey("ns/a")).map(Unstructured::resourceVersion).contains("3");
        factory.shutdown();
    }

    @Test
    void informersCreatedAfterStartStartAtOnceAndShutdownCompletesSubscribers() {
        factory.start();
        InformerKey<JsonNode> key = InformerKey.of(CONFIGMAPS, JsonNode.class);
        sources.computeIfAbsent(key, k -> new FakeListerWatcher()).page("10", null, obj("ns", "a", "3")).watch(Flux.never());

        SharedIndexInformer<JsonNode> informer = factory.informerFor(key);

        assertThat(informer.hasSynced()).isTrue();
        StepVerifier.create(informer.events(SubscriberOptions.DEFAULT.withScheduler(clock)))
                .expectNextMatches(e -> e instanceof InformerEvent.Added<JsonNode>)
                .then(factory::shutdown)
                .expectComplete()
                .verify(WAIT);
        assertThat(factory.isDisposed()).isTrue();
        assertThat(List.of(informer.indexer().listKeys())).hasSize(1);
    }
}
