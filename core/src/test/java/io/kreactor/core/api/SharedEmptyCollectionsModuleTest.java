package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SharedEmptyCollectionsModuleTest {

    private static final ObjectMapper SHARING = KubernetesJson.newMapper().registerModule(KubernetesJson.sharedEmptyCollectionsModule());
    private static final ObjectMapper PLAIN = KubernetesJson.mapper();

    /** Metadata, a spec with containers, env, resources (fabric8's Quantity has its own deserializer), a status. */
    private static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"team-a","labels":{"app":"web"},\
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-1","uid":"u-1","controller":true}]},\
            "spec":{"nodeName":"node-1","containers":[{"name":"app","image":"registry.example/web:1",\
            "env":[{"name":"A","value":"1"},{"name":"POD","valueFrom":{"fieldRef":{"fieldPath":"metadata.name"}}}],\
            "resources":{"requests":{"cpu":"250m","memory":"64Mi"}},\
            "volumeMounts":[{"name":"config","mountPath":"/etc/web","readOnly":true}]}],\
            "volumes":[{"name":"config","configMap":{"name":"web-config"}}]},\
            "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}],\
            "containerStatuses":[{"name":"app","ready":true,"restartCount":0,"image":"web","imageID":"sha256:1",\
            "state":{"running":{"startedAt":"2024-01-01T00:00:00Z"}}}]}}""";

    private static final String POD_WITH_UNKNOWN_FIELDS = """
            {"metadata":{"name":"a","unknownThing":1},\
            "spec":{"containers":[{"name":"c","futureField":{"x":true}}]}}""";

    private static Pod decode(ObjectMapper mapper, String json) throws Exception {
        return mapper.readValue(json, Pod.class);
    }

    private static Set<Map<?, ?>> distinctMaps(Object... roots) {
        Set<Map<?, ?>> maps = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object root : roots) {
            ModelMaps.of(root).forEach(found -> maps.add(found.map()));
        }
        return maps;
    }

    @Test
    void everyEmptyMapOfEveryDecodedObjectIsOneSharedInstance() throws Exception {
        Pod a = decode(SHARING, POD.formatted("a"));
        Pod b = decode(SHARING, POD.formatted("b"));

        assertThat(ModelMaps.typeNames(ModelMaps.of(a))).contains("Pod", "ObjectMeta", "OwnerReference", "PodSpec", "Container",
                "EnvVar", "EnvVarSource", "ObjectFieldSelector", "ResourceRequirements", "Quantity", "VolumeMount",
                "Volume", "ConfigMapVolumeSource", "PodStatus", "PodCondition", "ContainerStatus", "ContainerState",
                "ContainerStateRunning");
        Set<Map<?, ?>> maps = distinctMaps(a, b);
        assertThat(maps).hasSize(1);
        assertThat(maps.iterator().next()).isEmpty();
        assertThat(b.getMetadata().getName()).isEqualTo("b");
    }

    @Test
    void thePlainMapperKeepsAMutableMapPerObject() throws Exception {
        Pod a = decode(PLAIN, POD.formatted("a"));
        Pod b = decode(PLAIN, POD.formatted("b"));

        assertThat(distinctMaps(decode(SHARING, POD.formatted("a")))).hasSize(1);
        assertThat(distinctMaps(a, b)).hasSize(ModelMaps.of(a).size() * 2)
                .allSatisfy(map -> assertThat(map).isInstanceOfAny(LinkedHashMap.class, java.util.HashMap.class));
        a.getMetadata().setAdditionalProperty("x", 1);
        assertThat(a.getMetadata().getAdditionalProperties()).containsEntry("x", 1);
    }

    @Test
    void aMapHoldingUnknownFieldsIsKeptMutableWithItsValues() throws Exception {
        Pod pod = decode(SHARING, POD_WITH_UNKNOWN_FIELDS);

        Map<String, Object> metadataMap = pod.getMetadata().getAdditionalProperties();
        assertThat(metadataMap).isInstanceOf(LinkedHashMap.class).containsExactly(Map.entry("unknownThing", 1));
        assertThat(pod.getSpec().getContainers().get(0).getAdditionalProperties())
                .containsExactly(Map.entry("futureField", Map.of("x", true)));
        pod.getMetadata().setAdditionalProperty("more", 2);
        assertThat(metadataMap).containsEntry("more", 2);
        assertThat(pod.getAdditionalProperties()).isSameAs(pod.getSpec().getAdditionalProperties()).isEmpty();
    }

    @Test
    void everyEmptyListOfEveryDecodedObjectIsTheSharedEmptyListAndABuilderCopyIsMutable() throws Exception {
        Pod cached = decode(SHARING, POD.formatted("a"));
        List<List<?>> lists = ModelMaps.lists(cached);
        List<List<?>> empty = lists.stream().filter(List::isEmpty).toList();

        assertThat(empty).hasSizeGreaterThan(30).allSatisfy(list -> assertThat(list).isSameAs(Collections.emptyList()));
        assertThat(lists).filteredOn(list -> !list.isEmpty()).hasSizeGreaterThan(5)
                .allSatisfy(list -> assertThat(list).isInstanceOf(ArrayList.class));
        assertThat(ModelMaps.lists(decode(PLAIN, POD.formatted("a")))).filteredOn(List::isEmpty)
                .hasSameSizeAs(empty).allSatisfy(list -> assertThat(list).isInstanceOf(ArrayList.class));
        assertThatThrownBy(() -> cached.getSpec().getContainers().get(0).getPorts().add(new ContainerPort()))
                .isInstanceOf(UnsupportedOperationException.class);

        Pod copy = new PodBuilder(cached).build();
        copy.getSpec().getContainers().get(0).getPorts().add(new ContainerPort());
        assertThat(copy.getSpec().getContainers().get(0).getPorts()).hasSize(1);
        assertThat(cached.getSpec().getContainers().get(0).getPorts()).isEmpty();
    }

    @Test
    void decodedObjectsEqualAndSerializeLikeThoseOfThePlainMapper() throws Exception {
        for (String json : List.of(POD.formatted("a"), POD_WITH_UNKNOWN_FIELDS)) {
            Pod shared = decode(SHARING, json);
            Pod plain = decode(PLAIN, json);

            assertThat(shared).isEqualTo(plain).hasSameHashCodeAs(plain);
            assertThat(SHARING.writeValueAsString(shared)).isEqualTo(PLAIN.writeValueAsString(plain));
            assertThat(PLAIN.writeValueAsString(shared)).isEqualTo(PLAIN.writeValueAsString(plain));
        }
    }

    @Test
    void aSharedMapRejectsChangesButABuilderCopyIsMutable() throws Exception {
        Pod cached = decode(SHARING, POD.formatted("a"));

        assertThatThrownBy(() -> cached.getMetadata().setAdditionalProperty("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);

        Pod copy = new PodBuilder(cached).build();
        assertThat(copy).isEqualTo(cached);
        assertThat(ModelMaps.of(copy)).filteredOn(found -> !(found.owner() instanceof Quantity))
                .hasSizeGreaterThan(15)
                .allSatisfy(found -> assertThat(found.map()).isInstanceOf(LinkedHashMap.class));
        // fabric8's builders copy a map of quantities shallowly: the copy holds the cached Quantity objects
        // themselves, so those stay read-only — as they were before, since changing one changes the cache too
        assertThat(copy.getSpec().getContainers().get(0).getResources().getRequests().get("cpu"))
                .isSameAs(cached.getSpec().getContainers().get(0).getResources().getRequests().get("cpu"));
        copy.setAdditionalProperty("top", 1);
        copy.getMetadata().setAdditionalProperty("meta", 2);
        copy.getSpec().getContainers().get(0).getEnv().get(1).getValueFrom().getFieldRef().setAdditionalProperty("deep", 3);
        assertThat(copy.getSpec().getContainers().get(0).getEnv().get(1).getValueFrom().getFieldRef()
                .getAdditionalProperties()).containsEntry("deep", 3);
        assertThat(distinctMaps(cached)).hasSize(1).allSatisfy(map -> assertThat(map).isEmpty());
    }

    @Test
    void aQuantityWrittenAsTheSameTextIsOneSharedObjectAndOtherFormsAreBoundAsFabric8BindsThem() throws Exception {
        Pod a = decode(SHARING, POD.formatted("a"));
        Pod b = decode(SHARING, POD.formatted("b"));
        Map<String, Quantity> requestsA = a.getSpec().getContainers().get(0).getResources().getRequests();
        Map<String, Quantity> requestsB = b.getSpec().getContainers().get(0).getResources().getRequests();

        assertThat(requestsA.get("cpu")).isSameAs(requestsB.get("cpu")).isEqualTo(new Quantity("250m"));
        assertThat(requestsA.get("memory")).isSameAs(requestsB.get("memory")).isEqualTo(new Quantity("64Mi"))
                .isNotSameAs(requestsA.get("cpu"));
        assertThat(requestsA.get("cpu").getAmount()).isEqualTo("250");
        assertThat(requestsA.get("cpu").getFormat()).isEqualTo("m");
        Pod plain = decode(PLAIN, POD.formatted("a"));
        assertThat(plain.getSpec().getContainers().get(0).getResources().getRequests().get("cpu"))
                .isNotSameAs(decode(PLAIN, POD.formatted("b")).getSpec().getContainers().get(0).getResources()
                        .getRequests().get("cpu"));

        // fabric8 also reads a quantity written as an object (and a number); those are bound each time
        String objectForm = "{\"spec\":{\"containers\":[{\"name\":\"c\",\"resources\":{\"limits\":"
                + "{\"memory\":{\"amount\":\"1\",\"format\":\"Gi\"},\"cpu\":2}}}]}}";
        Map<String, Quantity> limits1 = limits(decode(SHARING, objectForm));
        Map<String, Quantity> limits2 = limits(decode(SHARING, objectForm));
        assertThat(limits1).isEqualTo(limits(decode(PLAIN, objectForm)));
        assertThat(limits1.get("memory")).isEqualTo(new Quantity("1", "Gi")).isNotSameAs(limits2.get("memory"));
        assertThat(limits1.get("cpu")).isEqualTo(new Quantity("2")).isNotSameAs(limits2.get("cpu"));
    }

    private static Map<String, Quantity> limits(Pod pod) {
        return pod.getSpec().getContainers().get(0).getResources().getLimits();
    }

    @Test
    void manyDistinctQuantityTextsAreEachBoundToTheirOwnValue() throws Exception {
        // more texts than the table has slots: replaced slots must never hand out another text's value
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 1_000; i++) {
                String json = "{\"spec\":{\"containers\":[{\"name\":\"c\",\"resources\":{\"requests\":"
                        + "{\"memory\":\"" + i + "Mi\"}}}]}}";
                Quantity memory = decode(SHARING, json).getSpec().getContainers().get(0).getResources().getRequests()
                        .get("memory");
                assertThat(memory.getAmount()).isEqualTo(Integer.toString(i));
                assertThat(memory.getFormat()).isEqualTo("Mi");
            }
        }
    }

    @Test
    void updatingAnObjectInPlaceGivesItAMutableMapAgainAndSharesItWhenItStaysEmpty() throws Exception {
        Pod cached = decode(SHARING, POD.formatted("a"));
        ObjectMeta metadata = cached.getMetadata();
        Map<String, Object> shared = metadata.getAdditionalProperties();
        assertThat(shared).isSameAs(cached.getSpec().getAdditionalProperties());

        SHARING.readerForUpdating(metadata).readValue("{\"name\":\"b\"}");
        assertThat(metadata.getName()).isEqualTo("b");
        assertThat(metadata.getAdditionalProperties()).isSameAs(shared);

        SHARING.readerForUpdating(metadata).readValue("{\"unknownThing\":2}");
        assertThat(metadata.getAdditionalProperties()).isInstanceOf(LinkedHashMap.class)
                .containsExactly(Map.entry("unknownThing", 2));
    }

    @Test
    void composesWithBlackbirdInEitherRegistrationOrder() throws Exception {
        ObjectMapper blackbirdFirst = KubernetesJson.newMapper().registerModule(KubernetesJson.sharedEmptyCollectionsModule());
        ObjectMapper blackbirdLast = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addModule(KubernetesJson.sharedEmptyCollectionsModule())
                .addModule(new JavaTimeModule())
                .addModule(new BlackbirdModule())
                .build();
        Pod plain = decode(PLAIN, POD.formatted("a"));

        for (ObjectMapper mapper : List.of(blackbirdFirst, blackbirdLast)) {
            JsonDeserializer<?> deserializer = rootDeserializer(mapper, ObjectMeta.class);
            assertThat(deserializer).isInstanceOf(SharedEmptyCollectionsDeserializer.class);
            BeanDeserializerBase bean = (BeanDeserializerBase) ((DelegatingDeserializer) deserializer).getDelegatee();
            assertThat(bean.properties()).toIterable()
                    .anySatisfy(p -> assertThat(p.getClass().getName()).startsWith("com.fasterxml.jackson.module.blackbird"));
            assertThat(bean.getValueInstantiator()).isInstanceOf(PresetInstantiator.class);

            Pod pod = decode(mapper, POD.formatted("a"));
            assertThat(pod).isEqualTo(plain);
            assertThat(distinctMaps(pod)).hasSize(1);
        }
    }

    private static JsonDeserializer<?> rootDeserializer(ObjectMapper mapper, Class<?> type) throws Exception {
        DefaultDeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        return context.findRootValueDeserializer(mapper.constructType(type));
    }

    /** A polymorphic model shape: the base type is concrete and has the map, as a subtype does. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind", defaultImpl = Shape.class)
    @JsonSubTypes(@JsonSubTypes.Type(value = Circle.class, name = "circle"))
    static class Shape {
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        public Map<String, Object> getAdditionalProperties() {
            return additionalProperties;
        }

        @com.fasterxml.jackson.annotation.JsonAnySetter
        public void setAdditionalProperty(String name, Object value) {
            additionalProperties.put(name, value);
        }

        public void setAdditionalProperties(Map<String, Object> additionalProperties) {
            this.additionalProperties = additionalProperties;
        }
    }

    static class Circle extends Shape {
        public int radius;
    }

    static class Drawing {
        public Shape shape;
        public List<Shape> more;
    }

    @Test
    void polymorphicValuesAndPackagePrivateTypesShareTheirEmptyMapsToo() throws Exception {
        Drawing drawing = SHARING.readValue(
                "{\"shape\":{\"kind\":\"circle\",\"radius\":2},\"more\":[{\"kind\":\"circle\"},{\"kind\":\"other\",\"x\":1}]}",
                Drawing.class);

        assertThat(drawing.shape).isInstanceOf(Circle.class);
        assertThat(((Circle) drawing.shape).radius).isEqualTo(2);
        assertThat(drawing.shape.getAdditionalProperties()).isSameAs(drawing.more.get(0).getAdditionalProperties()).isEmpty();
        assertThat(drawing.more.get(1).getClass()).isEqualTo(Shape.class);
        assertThat(drawing.more.get(1).getAdditionalProperties()).containsExactly(Map.entry("x", 1));
    }
}
