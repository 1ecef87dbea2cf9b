package io.kreactor.informers.store;

import static io.kreactor.informers.TestObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.api.MetadataAccessors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndexerTest {

    private static final MetadataAccessor<JsonNode> ACCESSOR = MetadataAccessors.forType(JsonNode.class);
    private static final IndexFunction<JsonNode> BY_APP = o -> {
        String app = ACCESSOR.labels(o).get("app");
        return app == null ? List.of() : List.of(app);
    };

    private final Indexer<JsonNode> indexer = Indexer.create(ACCESSOR);

    private static Set<String> names(List<JsonNode> objects) {
        return objects.stream().map(o -> o.path("metadata").path("name").asText()).collect(Collectors.toSet());
    }

    @Test
    void keysAreNamespaceSlashNameOrJustTheNameForClusterScopedObjects() {
        indexer.upsert(obj("ns", "a", "1"));
        indexer.upsert(obj(null, "node-1", "2"));

        assertThat(indexer.listKeys()).containsExactlyInAnyOrder("ns/a", "node-1");
        assertThat(indexer.getByKey("ns/a")).isPresent();
        assertThat(indexer.get(obj("ns", "a", "9"))).map(o -> o.path("metadata").path("resourceVersion").asText()).contains("1");
    }

    @Test
    void aPluggableKeyFunctionDecidesTheKey() {
        Indexer<JsonNode> byUid = Indexer.create(ACCESSOR, o -> ACCESSOR.name(o).toUpperCase());
        byUid.upsert(obj("ns", "a", "1"));

        assertThat(byUid.listKeys()).containsExactly("A");
    }

    @Test
    void theNamespaceIndexIsBuiltIn() {
        indexer.upsert(obj("ns1", "a", "1"));
        indexer.upsert(obj("ns1", "b", "1"));
        indexer.upsert(obj("ns2", "a", "1"));
        indexer.upsert(obj(null, "cluster", "1"));

        assertThat(names(indexer.byIndex(Indexer.NAMESPACE_INDEX, "ns1"))).containsExactlyInAnyOrder("a", "b");
        assertThat(indexer.indexKeys(Indexer.NAMESPACE_INDEX, "ns2")).containsExactly("ns2/a");
        assertThat(indexer.indexKeys(Indexer.NAMESPACE_INDEX, "")).containsExactly("cluster");
        assertThat(indexer.listIndexFuncValues(Indexer.NAMESPACE_INDEX)).containsExactlyInAnyOrder("ns1", "ns2", "");
    }

    @Test
    void customIndicesFollowUpdatesAndDeletes() {
        indexer.addIndexers(Map.of("app", BY_APP));
        indexer.upsert(obj("ns", "a", "1", Map.of("app", "web")));
        indexer.upsert(obj("ns", "b", "1", Map.of("app", "web")));
        indexer.upsert(obj("ns", "c", "1", Map.of("app", "db")));

        assertThat(names(indexer.byIndex("app", "web"))).containsExactlyInAnyOrder("a", "b");
        assertThat(names(indexer.index("app", obj("x", "y", "1", Map.of("app", "db"))))).containsExactly("c");

        Change<JsonNode> change = indexer.upsert(obj("ns", "b", "2", Map.of("app", "db")));
        assertThat(change.type()).isEqualTo(DeltaType.UPDATED);
        assertThat(change.oldObject().path("metadata").path("resourceVersion").asText()).isEqualTo("1");
        assertThat(names(indexer.byIndex("app", "web"))).containsExactly("a");
        assertThat(names(indexer.byIndex("app", "db"))).containsExactlyInAnyOrder("b", "c");

        indexer.delete(obj("ns", "a", "3"));
        assertThat(indexer.byIndex("app", "web")).isEmpty();
        assertThat(indexer.listIndexFuncValues("app")).containsExactly("db");
    }

    @Test
    void indexersAddedLaterIndexExistingObjects() {
        indexer.upsert(obj("ns", "a", "1", Map.of("app", "web")));

        indexer.addIndexers(Map.of("app", BY_APP));

        assertThat(indexer.indexKeys("app", "web")).containsExactly("ns/a");
        assertThat(indexer.indexNames()).containsExactlyInAnyOrder("namespace", "app");
        assertThatThrownBy(() -> indexer.addIndexers(Map.of("app", BY_APP))).hasMessageContaining("'app' already exists");
        assertThatThrownBy(() -> indexer.byIndex("nope", "x")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
    }

    @Test
    void replaceYieldsTombstonesAdditionsAndChangesButNothingForUnchangedObjects() {
        indexer.addIndexers(Map.of("app", BY_APP));
        JsonNode gone = obj("ns", "gone", "1", Map.of("app", "web"));
        indexer.upsert(obj("ns", "same", "1"));
        indexer.upsert(obj("ns", "changed", "1"));
        indexer.upsert(gone);

        List<Change<JsonNode>> changes = indexer.replace(List.of(obj("ns", "same", "1"), obj("ns", "changed", "2"), obj("ns", "new", "5")));

        assertThat(changes).extracting(Change::type, c -> c.newObject().path("metadata").path("name").asText(), Change::finalStateUnknown)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DeltaType.DELETED, "gone", true),
                        org.assertj.core.groups.Tuple.tuple(DeltaType.UPDATED, "changed", false),
                        org.assertj.core.groups.Tuple.tuple(DeltaType.ADDED, "new", false));
        assertThat(changes.stream().filter(c -> c.type() == DeltaType.DELETED).findFirst().orElseThrow().newObject()).isSameAs(gone);
        assertThat(indexer.listKeys()).containsExactlyInAnyOrder("ns/same", "ns/changed", "ns/new");
        assertThat(indexer.byIndex("app", "web")).isEmpty();
    }

    @Test
    void replaceBuildsEveryIndexThatLaterWritesKeepUpToDate() {
        IndexFunction<JsonNode> byLabelValue = o -> List.copyOf(ACCESSOR.labels(o).values());
        indexer.addIndexers(Map.of("labelValue", byLabelValue));

        List<Change<JsonNode>> changes = indexer.replace(List.of(
                obj("ns1", "a", "1", Map.of("app", "web", "tier", "front")),
                obj("ns2", "a", "1", Map.of("app", "db")),
                obj("ns1", "b", "1", Map.of("app", "web")),
                obj("ns1", "a", "2", Map.of("app", "cache"))));

        // a later object with the same key wins, and only it is reported
        assertThat(changes).extracting(Change::type, c -> indexer.keyOf(c.newObject()), c -> c.newObject().path("metadata")
                        .path("resourceVersion").asText())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DeltaType.ADDED, "ns2/a", "1"),
                        org.assertj.core.groups.Tuple.tuple(DeltaType.ADDED, "ns1/b", "1"),
                        org.assertj.core.groups.Tuple.tuple(DeltaType.ADDED, "ns1/a", "2"));
        assertThat(indexer.indexKeys(Indexer.NAMESPACE_INDEX, "ns1")).containsExactlyInAnyOrder("ns1/a", "ns1/b");
        assertThat(indexer.indexKeys(Indexer.NAMESPACE_INDEX, "ns2")).containsExactly("ns2/a");
        assertThat(indexer.listIndexFuncValues("labelValue")).containsExactlyInAnyOrder("web", "db", "cache");
        assertThat(indexer.indexKeys("labelValue", "web")).containsExactly("ns1/b");

        indexer.upsert(obj("ns1", "c", "3", Map.of("app", "web")));
        indexer.delete(obj("ns1", "b", "4"));
        indexer.delete(obj("ns2", "a", "4"));

        assertThat(indexer.indexKeys("labelValue", "web")).containsExactly("ns1/c");
        assertThat(indexer.indexKeys(Indexer.NAMESPACE_INDEX, "ns1")).containsExactlyInAnyOrder("ns1/a", "ns1/c");
        assertThat(indexer.listIndexFuncValues(Indexer.NAMESPACE_INDEX)).containsExactly("ns1");
        assertThat(indexer.listIndexFuncValues("labelValue")).containsExactlyInAnyOrder("web", "cache");
    }

    @Test
    void applyTurnsADeleteOfAnUncachedObjectIntoADeletedChange() {
        List<Change<JsonNode>> changes = indexer.apply(new Delta<>(DeltaType.DELETED, obj("ns", "a", "4")));

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(DeltaType.DELETED);
            assertThat(c.oldObject()).isNull();
        });
    }

    @Test
    void readersSeeEitherTheOldOrTheNewStateOfAReplaceNeverAMix() throws Exception {
        List<JsonNode> generationA = new ArrayList<>();
        List<JsonNode> generationB = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            generationA.add(obj("ns", "a-" + i, "1"));
            generationB.add(obj("ns", "b-" + i, "2"));
        }
        indexer.replace(generationA);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                readers.add(pool.submit(() -> {
                    int reads = 0;
                    while (!stop.get() || reads < 100) {
                        List<JsonNode> seen = indexer.byIndex(Indexer.NAMESPACE_INDEX, "ns");
                        Set<String> rvs = seen.stream().map(o -> o.path("metadata").path("resourceVersion").asText()).collect(Collectors.toSet());
                        assertThat(seen).hasSize(200);
                        assertThat(rvs).hasSize(1);
                        assertThat(indexer.list()).hasSize(200);
                        reads++;
                    }
                    return reads;
                }));
            }
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 300; i++) {
                    indexer.replace(i % 2 == 0 ? generationB : generationA);
                }
                stop.set(true);
            });
            writer.get(30, TimeUnit.SECONDS);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(100);
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    @Test
    void readersNeverFailWhileSingleWritesGoOn() throws Exception {
        indexer.addIndexers(Map.of("app", BY_APP));
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (!stop.get() || reads < 100) {
                    for (JsonNode o : indexer.byIndex("app", "web")) {
                        assertThat(ACCESSOR.labels(o)).containsEntry("app", "web");
                    }
                    indexer.listIndexFuncValues("app");
                    reads++;
                }
                return reads;
            });
            for (int i = 0; i < 2_000; i++) {
                String app = i % 3 == 0 ? "db" : "web";
                indexer.upsert(obj("ns", "o" + (i % 50), "" + i, Map.of("app", app)));
                if (i % 7 == 0) {
                    indexer.delete(obj("ns", "o" + (i % 50), "" + i));
                }
            }
            stop.set(true);
            assertThat(reader.get(30, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(100);
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
        for (JsonNode o : indexer.list()) {
            String app = ACCESSOR.labels(o).get("app");
            assertThat(indexer.indexKeys("app", app)).contains(indexer.keyOf(o));
        }
    }
}
