package io.kreactor.informers.informer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.informers.ListerWatcher;
import io.kreactor.informers.reflector.ReflectorConfig;
import io.kreactor.informers.reflector.WatchStalledException;
import io.kreactor.informers.store.Transforms;
import io.kreactor.rest.ListElement;
import io.kreactor.rest.RestClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** Behaviour tests: a real informer, a real client and the embedded API server, with faults injected. */
class InformerAgainstEmbeddedApiServerTest {

    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final MetadataAccessor<JsonNode> ACCESSOR = MetadataAccessors.forType(JsonNode.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private EmbeddedApiServer server;
    private RestClient rest;
    private final AtomicInteger relists = new AtomicInteger();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private SharedIndexInformer<JsonNode> informer;
    private Disposable running;

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.builder().requireNamespaces(false).bookmarkInterval(Duration.ofMillis(300)).start();
        rest = RestClient.create(server.clientConfig());
        for (int i = 0; i < 5; i++) {
            server.create(CONFIGMAPS, configMap("cm-" + i, "v0"));
        }
        ReflectorConfig reflector = ReflectorConfig.DEFAULT.withPageSize(2)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2.0)
                .withWatchdogTimeout(Duration.ofSeconds(2))
                .withErrorHandler(errors::add);
        informer = SharedIndexInformer.create(counting(), ACCESSOR, InformerConfig.DEFAULT.withReflector(reflector));
        running = informer.start();
        StepVerifier.create(informer.synced()).expectComplete().verify(WAIT);
    }

    /** The real ListerWatcher, counting the LISTs that start a relist (those without a continue token). */
    private ListerWatcher<JsonNode> counting() {
        ListerWatcher<JsonNode> real = ListerWatcher.forResource(rest, CONFIGMAPS, null, JsonNode.class);
        return new ListerWatcher<>() {
            @Override
            public Flux<ListElement<JsonNode>> list(ListOptions options) {
                if (options.continueToken() == null) {
                    relists.incrementAndGet();
                }
                return real.list(options);
            }

            @Override
            public Flux<WatchEvent<JsonNode>> watch(WatchOptions options) {
                return real.watch(options);
            }
        };
    }

    @AfterEach
    void stop() {
        running.dispose();
        rest.dispose();
        server.close();
    }

    private static ObjectNode configMap(String name, String value) {
        ObjectNode o = KubernetesJson.mapper().createObjectNode();
        o.put("apiVersion", "v1").put("kind", "ConfigMap");
        o.putObject("metadata").put("namespace", "default").put("name", name);
        o.putObject("data").put("k", value);
        return o;
    }

    private Mono<JsonNode> create(String name) {
        return rest.post().groupVersion(GroupVersion.CORE_V1).namespace("default").resource("configmaps")
                .body(configMap(name, "v0")).retrieve(JsonNode.class);
    }

    private Mono<JsonNode> update(String name, String value) {
        return rest.put().groupVersion(GroupVersion.CORE_V1).namespace("default").resource("configmaps").name(name)
                .body(configMap(name, value)).retrieve(JsonNode.class);
    }

    private Mono<Void> delete(String name) {
        return rest.delete().groupVersion(GroupVersion.CORE_V1).namespace("default").resource("configmaps").name(name).execute();
    }

    private Map<String, String> serverState() {
        Map<String, String> state = new TreeMap<>();
        server.list(CONFIGMAPS, null).forEach(o -> state.put(ACCESSOR.key(o), ACCESSOR.resourceVersion(o)));
        return state;
    }

    private Map<String, String> cacheState() {
        Map<String, String> state = new TreeMap<>();
        informer.indexer().list().forEach(o -> state.put(ACCESSOR.key(o), ACCESSOR.resourceVersion(o)));
        return state;
    }

    /** Completes once the cache holds exactly the server's objects at the server's resourceVersions. */
    private void awaitCacheEqualsServer() {
        // Every event is delivered after the cache was updated, and a new subscriber first gets the whole cache,
        // so checking on each event sees the final state without polling.
        StepVerifier.create(informer.events(SubscriberOptions.DEFAULT.withLatestPerKey(true))
                        .filter(e -> cacheState().equals(serverState()))
                        .next())
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);
        assertThat(cacheState()).isEqualTo(serverState());
    }

    /** Makes sure the informer's watch is open and delivering: a change made now reaches the cache through it. */
    private void awaitWatching() {
        StepVerifier.create(create("sentinel")).expectNextCount(1).expectComplete().verify(WAIT);
        awaitCacheEqualsServer();
    }

    @Test
    void theCacheFollowsCreatesUpdatesAndDeletesAfterAPaginatedList() {
        assertThat(cacheState()).isEqualTo(serverState()).hasSize(5);

        StepVerifier.create(create("cm-new").then(update("cm-1", "v1")).then(delete("cm-2"))).expectComplete().verify(WAIT);

        awaitCacheEqualsServer();
        assertThat(informer.indexer().getByKey("default/cm-1")).map(o -> o.path("data").path("k").asText()).contains("v1");
        assertThat(relists).hasValue(1);
    }

    @Test
    void aWatchDroppedMidStreamResumesFromTheLastResourceVersionWithoutRelisting() {
        awaitWatching();
        server.faults().dropWatches();
        StepVerifier.create(update("cm-0", "after-drop").then(create("cm-after-drop"))).expectNextCount(1).expectComplete().verify(WAIT);

        awaitCacheEqualsServer();
        assertThat(relists).hasValue(1);
    }

    @Test
    void relistDeliversTombstoneForObjectDeletedDuringGap() {
        List<InformerEvent<JsonNode>> deletions = new CopyOnWriteArrayList<>();
        // Subscribers get events through their own buffer, after the cache has changed: wait for the event itself.
        Sinks.Empty<Void> firstDeletion = Sinks.empty();
        Disposable subscriber = informer.events().filter(e -> e instanceof InformerEvent.Deleted<JsonNode>).subscribe(e -> {
            deletions.add(e);
            firstDeletion.tryEmitEmpty();
        });
        try {
            awaitWatching();
            server.faults().stallWatches();
            StepVerifier.create(delete("cm-3")).expectComplete().verify(WAIT);
            server.faults().compactHistory();
            server.faults().dropWatches();

            awaitCacheEqualsServer();

            assertThat(relists).hasValue(2);
            StepVerifier.create(firstDeletion.asMono()).expectComplete().verify(WAIT);
            assertThat(deletions).singleElement().satisfies(e -> {
                InformerEvent.Deleted<JsonNode> deleted = (InformerEvent.Deleted<JsonNode>) e;
                assertThat(ACCESSOR.name(deleted.object())).isEqualTo("cm-3");
                assertThat(deleted.finalStateUnknown()).isTrue();
            });
        } finally {
            subscriber.dispose();
        }
    }

    @Test
    void aSilentWatchIsRestartedByTheWatchdog() {
        awaitWatching();
        server.faults().stallWatches();
        StepVerifier.create(create("cm-while-silent")).expectNextCount(1).expectComplete().verify(WAIT);

        awaitCacheEqualsServer();

        assertThat(informer.indexer().getByKey("default/cm-while-silent")).isPresent();
        assertThat(errors).anyMatch(e -> e instanceof WatchStalledException);
        assertThat(relists).hasValue(1);
    }

    @Test
    void aWatchListInformerSyncsFromTheStreamWithoutListing() {
        relists.set(0);
        SharedIndexInformer<JsonNode> streaming = SharedIndexInformer.create(counting(), ACCESSOR,
                InformerConfig.DEFAULT.withReflector(ReflectorConfig.DEFAULT.withWatchList(true).withErrorHandler(errors::add)));
        Disposable stop = streaming.start();
        try {
            StepVerifier.create(streaming.synced()).expectComplete().verify(WAIT);
            assertThat(streaming.indexer().listKeys()).hasSize(5);
            StepVerifier.create(delete("cm-4")).expectComplete().verify(WAIT);
            StepVerifier.create(streaming.events(SubscriberOptions.DEFAULT.withLatestPerKey(true))
                            .filter(e -> streaming.indexer().size() == 4).next())
                    .expectNextCount(1)
                    .expectComplete()
                    .verify(WAIT);
            assertThat(relists).hasValue(0);
            assertThat(errors).isEmpty();
        } finally {
            stop.dispose();
        }
    }

    @Test
    void theTransformKeepsTheServersManagedFieldsOutOfTheCache() {
        assertThat(server.get(CONFIGMAPS, "default", "cm-0").path("metadata").path("managedFields").isArray()).isTrue();
        SharedIndexInformer<JsonNode> trimmed = SharedIndexInformer.create(counting(), ACCESSOR, InformerConfig.DEFAULT)
                .setTransform(Transforms.dropManagedFields(JsonNode.class));
        Disposable stop = trimmed.start();
        try {
            StepVerifier.create(trimmed.synced()).expectComplete().verify(WAIT);

            assertThat(trimmed.indexer().list()).hasSize(5)
                    .allSatisfy(o -> assertThat(o.path("metadata").has("managedFields")).isFalse());
        } finally {
            stop.dispose();
        }
    }
}
