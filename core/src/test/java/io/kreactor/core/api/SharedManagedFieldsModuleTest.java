package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SharedManagedFieldsModuleTest {

    private static final ObjectMapper PLAIN = KubernetesJson.mapper();

    private static final String CONTROLLER_TREE = """
            {"f:metadata":{"f:generateName":{},"f:labels":{".":{},"f:app":{}},\
            "f:ownerReferences":{".":{},"k:{\\"uid\\":\\"u-1\\"}":{}}},\
            "f:spec":{"f:containers":{"k:{\\"name\\":\\"app\\"}":{".":{},"f:image":{},"f:name":{}}}}}""";

    private static final String KUBELET_TREE = """
            {"f:status":{"f:conditions":{"k:{\\"type\\":\\"Ready\\"}":{".":{},"f:status":{},"f:type":{}}},\
            "f:phase":{},"f:podIP":{}}}""";

    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"team-a","managedFields":[\
            {"manager":"kube-controller-manager","operation":"Update","apiVersion":"v1","fieldsType":"FieldsV1",\
            "fieldsV1":%s},\
            {"manager":"kubelet","operation":"Update","apiVersion":"v1","subresource":"status","fieldsType":"FieldsV1",\
            "fieldsV1":%s}]},"spec":{"containers":[{"name":"app","image":"web:1"}]}}""";

    private static ObjectMapper sharing() {
        return KubernetesJson.newMapper().registerModule(KubernetesJson.sharedManagedFieldsModule());
    }

    private static String pod(String name, String controllerTree, String kubeletTree) {
        return POD.formatted(name, controllerTree, kubeletTree);
    }

    private static FieldsV1 fields(Pod pod, int entry) {
        return pod.getMetadata().getManagedFields().get(entry).getFieldsV1();
    }

    @Test
    void equalTreesOfDifferentObjectsAreOneInstanceEqualToWhatThePlainMapperBinds() throws Exception {
        ObjectMapper sharing = sharing();
        Pod a = sharing.readValue(pod("a", CONTROLLER_TREE, KUBELET_TREE), Pod.class);
        Pod b = sharing.readValue(pod("b", CONTROLLER_TREE, KUBELET_TREE), Pod.class);

        assertThat(fields(b, 0)).isSameAs(fields(a, 0));
        assertThat(fields(b, 1)).isSameAs(fields(a, 1));
        assertThat(fields(a, 0)).isNotSameAs(fields(a, 1));
        Pod plain = PLAIN.readValue(pod("b", CONTROLLER_TREE, KUBELET_TREE), Pod.class);
        assertThat(b).isEqualTo(plain);
        assertThat(sharing.writeValueAsString(b)).isEqualTo(PLAIN.writeValueAsString(plain));
        assertThat(b.getMetadata().getName()).isEqualTo("b");
    }

    @Test
    void differentTreesStayApartAndEachIsBoundCorrectly() throws Exception {
        ObjectMapper sharing = sharing();
        String otherOwner = CONTROLLER_TREE.replace("u-1", "u-2");
        String reordered = """
                {"f:status":{"f:phase":{},"f:conditions":{"k:{\\"type\\":\\"Ready\\"}":{".":{},"f:status":{},"f:type":{}}},\
                "f:podIP":{}}}""";
        Pod a = sharing.readValue(pod("a", CONTROLLER_TREE, KUBELET_TREE), Pod.class);
        Pod b = sharing.readValue(pod("b", otherOwner, reordered), Pod.class);

        assertThat(fields(b, 0)).isNotSameAs(fields(a, 0)).isNotEqualTo(fields(a, 0))
                .isEqualTo(fields(PLAIN.readValue(pod("b", otherOwner, reordered), Pod.class), 0));
        // The same keys in another order are an equal map, but tokens in another order are another recording.
        assertThat(fields(b, 1)).isNotSameAs(fields(a, 1)).isEqualTo(fields(a, 1));
    }

    /** "Aa" and "BB" have the same String hash, so these two trees land in the same slot with the same hash. */
    @Test
    void treesWithTheSameHashButOtherTokensAreNotConfused() throws Exception {
        ObjectMapper sharing = sharing();
        Pod aa = sharing.readValue(pod("a", "{\"f:Aa\":{}}", KUBELET_TREE), Pod.class);
        Pod bb = sharing.readValue(pod("b", "{\"f:BB\":{}}", KUBELET_TREE), Pod.class);

        assertThat("f:Aa".hashCode()).isEqualTo("f:BB".hashCode());
        assertThat(fields(aa, 0).getAdditionalProperties()).containsOnlyKeys("f:Aa");
        assertThat(fields(bb, 0).getAdditionalProperties()).containsOnlyKeys("f:BB");
    }

    @Test
    void aRepeatedTreeIsNeverBoundAgain() throws Exception {
        ObjectMapper sharing = JsonMapper.builder().addModule(KubernetesJson.sharedManagedFieldsModule()).build();
        CountingTreeDeserializer.CALLS.set(0);
        List<WithNamedDeserializer> decoded = IntStream.range(0, 5).mapToObj(i -> read(sharing,
                "{\"name\":\"e" + i + "\",\"fieldsV1\":" + CONTROLLER_TREE + "}", WithNamedDeserializer.class)).toList();

        assertThat(CountingTreeDeserializer.CALLS).hasValue(1);
        assertThat(decoded).extracting(e -> e.fieldsV1).allSatisfy(tree -> assertThat(tree).isSameAs(decoded.get(0).fieldsV1));
        assertThat(decoded.get(4).name).isEqualTo("e4");
        assertThat(decoded.get(0).fieldsV1).isEqualTo(PLAIN.readTree(CONTROLLER_TREE));
    }

    @Test
    void anyJsonValueIsReplayedExactlyWhenItIsNew() throws Exception {
        ObjectMapper sharing = sharing();
        String tree = """
                {"s":"text","i":42,"l":12345678901,"big":123456789012345678901234567890,"d":1.5,"e":-2.5E-3,\
                "t":true,"f":false,"n":null,"a":[1,["x",{}],[]],"o":{"nested":{"deep":[{"k":"v"}]}}}""";
        String json = "{\"fieldsV1\":" + tree + "}";
        TreeHolder first = sharing.readValue(json, TreeHolder.class);
        TreeHolder second = sharing.readValue(json, TreeHolder.class);

        assertThat(first.fieldsV1).isEqualTo(PLAIN.readValue(json, TreeHolder.class).fieldsV1);
        assertThat(second.fieldsV1).isSameAs(first.fieldsV1);
        assertThat(PLAIN.writeValueAsString(first)).isEqualTo(PLAIN.writeValueAsString(PLAIN.readValue(json, TreeHolder.class)));
        ArrayHolder array = sharing.readValue("{\"fieldsV1\":[1,2,{\"x\":[]}]}", ArrayHolder.class);
        assertThat(array.fieldsV1).isEqualTo(List.of(1, 2, Map.of("x", List.of())));
        assertThat(sharing.readValue("{\"fieldsV1\":[1,2,{\"x\":[]}]}", ArrayHolder.class).fieldsV1).isSameAs(array.fieldsV1);
    }

    /** Binding a new outer tree reaches the inner shared property before the outer recording is stored. */
    @Test
    void aSharedPropertyNestedInsideANewTreeLeavesTheOuterRecordingIntact() throws Exception {
        ObjectMapper sharing = sharing();
        String json = "{\"fieldsV1\":{\"name\":\"outer\",\"fieldsV1\":{\"name\":\"inner\"}}}";
        NestedHolder first = sharing.readValue(json, NestedHolder.class);
        NestedHolder second = sharing.readValue(json, NestedHolder.class);

        assertThat(first.fieldsV1.name).isEqualTo("outer");
        assertThat(first.fieldsV1.fieldsV1.name).isEqualTo("inner");
        assertThat(second.fieldsV1).isSameAs(first.fieldsV1);
    }

    @Test
    void decimalsAreBoundFromTheirExactDigits() throws Exception {
        ObjectMapper sharing = sharing().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        Map<String, Object> tree = sharing.readValue("{\"fieldsV1\":{\"d\":1.50,\"e\":0.1000000000000000055}}",
                TreeHolder.class).fieldsV1;

        assertThat(tree.get("d")).isEqualTo(new BigDecimal("1.50"));
        assertThat(tree.get("e")).isEqualTo(new BigDecimal("0.1000000000000000055"));
        assertThat(sharing.readValue("{\"fieldsV1\":{\"d\":1.5,\"e\":0.1000000000000000055}}", TreeHolder.class)
                .fieldsV1.get("d")).isEqualTo(new BigDecimal("1.5"));
    }

    @Test
    void scalarsAndNullsGoStraightToThePropertysDeserializer() throws Exception {
        ObjectMapper sharing = sharing();
        assertThat(sharing.readValue("{\"fieldsV1\":null}", TreeHolder.class).fieldsV1).isNull();
        assertThat(sharing.readValue("{\"fieldsV1\":\"flat\"}", ScalarHolder.class).fieldsV1).isEqualTo("flat");
        assertThat(sharing.readValue("{\"fieldsV1\":7}", ScalarHolder.class).fieldsV1).isEqualTo("7");
    }

    @Test
    void aTruncatedTreeFailsAndTheNextDecodeOnTheThreadStillWorks() throws Exception {
        ObjectMapper sharing = sharing();
        assertThatThrownBy(() -> sharing.readValue("{\"fieldsV1\":{\"f:a\":{\"f:b\":{}", TreeHolder.class))
                .isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("Unexpected end-of-input").hasMessageContaining("[\"fieldsV1\"]");
        assertThat(sharing.readValue("{\"fieldsV1\":{\"f:a\":{}}}", TreeHolder.class).fieldsV1)
                .isEqualTo(Map.of("f:a", Map.of()));
    }

    @Test
    void aTreeLargerThanTheRetainedRecordingIsSharedToo() throws Exception {
        ObjectMapper sharing = sharing();
        String tree = IntStream.range(0, 5_000).mapToObj(i -> "\"f:k" + i + "\":{}").collect(Collectors.joining(",", "{", "}"));
        TreeHolder first = sharing.readValue("{\"fieldsV1\":" + tree + "}", TreeHolder.class);
        TreeHolder second = sharing.readValue("{\"fieldsV1\":" + tree + "}", TreeHolder.class);

        assertThat(first.fieldsV1).hasSize(5_000).containsEntry("f:k4999", Map.of());
        assertThat(second.fieldsV1).isSameAs(first.fieldsV1);
    }

    @Test
    void eachMapperKeepsItsOwnTreesAndThePlainMapperSharesNothing() throws Exception {
        String json = pod("a", CONTROLLER_TREE, KUBELET_TREE);
        assertThat(fields(sharing().readValue(json, Pod.class), 0)).isNotSameAs(fields(sharing().readValue(json, Pod.class), 0));
        assertThat(fields(PLAIN.readValue(json, Pod.class), 0)).isNotSameAs(fields(PLAIN.readValue(json, Pod.class), 0));
    }

    @Test
    void composesWithBlackbirdAndTheOtherSharingModulesInEitherOrder() throws Exception {
        ObjectMapper ourModuleFirst = JsonMapper.builder()
                .addModule(KubernetesJson.sharedManagedFieldsModule())
                .addModule(KubernetesJson.sharedEmptyCollectionsModule())
                .addModule(KubernetesJson.sharedStringsModule())
                .addModule(new BlackbirdModule()).build();
        ObjectMapper ourModuleLast = KubernetesJson.newMapper()
                .registerModule(KubernetesJson.sharedStringsModule())
                .registerModule(KubernetesJson.sharedEmptyCollectionsModule())
                .registerModule(KubernetesJson.sharedManagedFieldsModule());
        Pod plain = PLAIN.readValue(pod("a", CONTROLLER_TREE, KUBELET_TREE), Pod.class);
        for (ObjectMapper mapper : List.of(ourModuleFirst, ourModuleLast)) {
            Pod a = mapper.readValue(pod("a", CONTROLLER_TREE, KUBELET_TREE), Pod.class);
            Pod b = mapper.readValue(pod("b", CONTROLLER_TREE, KUBELET_TREE), Pod.class);
            assertThat(a).isEqualTo(plain);
            assertThat(fields(b, 0)).isSameAs(fields(a, 0));
            assertThat(fields(a, 0).getAdditionalProperties()).isEqualTo(fields(plain, 0).getAdditionalProperties());
            ManagedFieldsEntry entry = b.getMetadata().getManagedFields().get(1);
            assertThat(entry.getManager()).isEqualTo("kubelet");
            assertThat(entry.getAdditionalProperties()).isEmpty();
        }
    }

    @Test
    void threadsDecodingAtOnceGetCorrectTrees() throws Exception {
        ObjectMapper sharing = sharing();
        List<String> trees = IntStream.range(0, 16).mapToObj(i -> CONTROLLER_TREE.replace("u-1", "u-" + i)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = IntStream.range(0, 4).<Callable<Boolean>>mapToObj(t -> () -> {
                for (int i = 0; i < 2_000; i++) {
                    String tree = trees.get((i * 7 + t) % trees.size());
                    FieldsV1 decoded = fields(sharing.readValue(pod("p", tree, KUBELET_TREE), Pod.class), 0);
                    if (!decoded.equals(fields(PLAIN.readValue(pod("p", tree, KUBELET_TREE), Pod.class), 0))) {
                        return false;
                    }
                }
                return true;
            }).toList();
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Both threads are inside the property's deserializer at once, so both miss and bind their own copy. */
    @Test
    void threadsThatBindTheSameNewTreeAtOnceEndUpSharingOneCopy() throws Exception {
        ObjectMapper sharing = JsonMapper.builder().addModule(KubernetesJson.sharedManagedFieldsModule()).build();
        BarrierTreeDeserializer.BARRIER.reset();
        String json = "{\"fieldsV1\":" + CONTROLLER_TREE + "}";
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<JsonNode> decode = () -> sharing.readValue(json, WithBarrierDeserializer.class).fieldsV1;
            List<Future<JsonNode>> results = pool.invokeAll(List.of(decode, decode));
            assertThat(results.get(0).get()).isSameAs(results.get(1).get()).isEqualTo(PLAIN.readTree(CONTROLLER_TREE));
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A fieldsV1 property typed as a plain map. */
    static final class TreeHolder {
        public Map<String, Object> fieldsV1;
    }

    /** A fieldsV1 property whose value has a fieldsV1 property of its own. */
    static final class NestedHolder {
        public Nested fieldsV1;
    }

    /** A tree with a name and, again, a fieldsV1. */
    static final class Nested {
        public String name;
        public Nested fieldsV1;
    }

    /** A fieldsV1 property typed as a list. */
    static final class ArrayHolder {
        public List<Object> fieldsV1;
    }

    /** A fieldsV1 property that is a string. */
    static final class ScalarHolder {
        public String fieldsV1;
    }

    /** An entry whose fieldsV1 names its own deserializer, which counts the values it binds. */
    static final class WithNamedDeserializer {
        public String name;
        @JsonDeserialize(using = CountingTreeDeserializer.class)
        public JsonNode fieldsV1;
    }

    /** An entry whose fieldsV1 is bound by a deserializer that waits for a second thread to bind one too. */
    static final class WithBarrierDeserializer {
        @JsonDeserialize(using = BarrierTreeDeserializer.class)
        public JsonNode fieldsV1;
    }

    /** Binds a tree once two threads are binding. */
    static final class BarrierTreeDeserializer extends StdDeserializer<JsonNode> {
        static final CyclicBarrier BARRIER = new CyclicBarrier(2);

        BarrierTreeDeserializer() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            try {
                BARRIER.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IOException("the second binder never came", e);
            }
            return p.readValueAsTree();
        }
    }

    /** Binds a tree and counts how often it was asked to. */
    static final class CountingTreeDeserializer extends StdDeserializer<JsonNode> {
        static final AtomicInteger CALLS = new AtomicInteger();

        CountingTreeDeserializer() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            CALLS.incrementAndGet();
            return p.readValueAsTree();
        }
    }
}
