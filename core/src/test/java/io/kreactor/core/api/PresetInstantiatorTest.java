package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PresetInstantiatorTest {

    private static final ObjectMapper SHARING = KubernetesJson.newMapper()
            .registerModule(KubernetesJson.sharedEmptyCollectionsModule());

    /** The fabric8 model's shape: constants, a new list and a new map per object, counted constructions. */
    public static class Widget {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        private String apiVersion = "example.io/v1";
        private String kind = "Widget";
        private String name;
        private List<String> tags = new ArrayList<>();
        private Map<String, String> labels = new LinkedHashMap<>();
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        public Widget() {
            CONSTRUCTED.incrementAndGet();
        }

        public String getApiVersion() {
            return apiVersion;
        }

        public void setApiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
        }

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getTags() {
            return tags;
        }

        public void setTags(List<String> tags) {
            this.tags = tags;
        }

        public Map<String, String> getLabels() {
            return labels;
        }

        public void setLabels(Map<String, String> labels) {
            this.labels = labels;
        }

        @JsonAnyGetter
        public Map<String, Object> getAdditionalProperties() {
            return additionalProperties;
        }

        @JsonAnySetter
        public void setAdditionalProperty(String name, Object value) {
            additionalProperties.put(name, value);
        }

        public void setAdditionalProperties(Map<String, Object> additionalProperties) {
            this.additionalProperties = additionalProperties;
        }
    }

    /** Like {@link Widget}, but each object gets an identifier of its own: a value no template can stand for. */
    public static class Stamped extends Widget {
        static final AtomicInteger CONSTRUCTED = new AtomicInteger();

        private String uid = UUID.randomUUID().toString();

        public Stamped() {
            CONSTRUCTED.incrementAndGet();
        }

        public String getUid() {
            return uid;
        }

        public void setUid(String uid) {
            this.uid = uid;
        }
    }

    /** Like {@link Widget}, but with a mutable object made by the constructor. */
    public static class WithBuffer extends Widget {
        private StringBuilder buffer = new StringBuilder();

        public StringBuilder getBuffer() {
            return buffer;
        }

        public void setBuffer(StringBuilder buffer) {
            this.buffer = buffer;
        }
    }

    /** Like {@link Widget}, but with primitives: one left at zero, one the constructor sets. */
    public static class Sized extends Widget {
        private int replicas;
        private double ratio = 0.5;

        public int getReplicas() {
            return replicas;
        }

        public void setReplicas(int replicas) {
            this.replicas = replicas;
        }

        public double getRatio() {
            return ratio;
        }

        public void setRatio(double ratio) {
            this.ratio = ratio;
        }
    }

    /** Like {@link Widget}, but with a list that no setter can replace. */
    public static class ReadOnlyList extends Widget {
        private final List<String> history = new ArrayList<>();

        public List<String> getHistory() {
            return history;
        }
    }

    @Test
    void modelObjectsAreBoundWithoutRunningTheirConstructorsYetHoldWhatTheConstructorWouldHaveSet() throws Exception {
        ObjectReader reader = SHARING.readerFor(Widget.class);
        int constructed = Widget.CONSTRUCTED.get();

        Widget a = reader.readValue("{\"name\":\"a\",\"tags\":[\"x\"]}");
        Widget b = reader.readValue("{\"name\":\"b\",\"kind\":\"Gadget\",\"labels\":{\"app\":\"web\"}}");

        assertThat(Widget.CONSTRUCTED.get()).isEqualTo(constructed);
        assertThat(a.getName()).isEqualTo("a");
        assertThat(a.getApiVersion()).isEqualTo("example.io/v1");
        assertThat(a.getKind()).isEqualTo("Widget");
        assertThat(a.getTags()).containsExactly("x");
        assertThat(a.getLabels()).isSameAs(Collections.emptyMap());
        assertThat(a.getAdditionalProperties()).isSameAs(AdditionalPropertiesAccessor.SHARED_EMPTY);
        assertThat(b.getKind()).isEqualTo("Gadget");
        assertThat(b.getTags()).isSameAs(Collections.emptyList());
        assertThat(b.getLabels()).containsExactly(Map.entry("app", "web"));
    }

    @Test
    void anUnknownFieldGetsAMapOfItsOwnAndAnExplicitNullStaysNull() throws Exception {
        Widget widget = SHARING.readValue("{\"name\":\"a\",\"future\":1,\"tags\":null,\"kind\":null}", Widget.class);
        Widget other = SHARING.readValue("{\"name\":\"b\"}", Widget.class);

        assertThat(widget.getAdditionalProperties()).isInstanceOf(LinkedHashMap.class)
                .containsExactly(Map.entry("future", 1));
        assertThat(other.getAdditionalProperties()).isSameAs(AdditionalPropertiesAccessor.SHARED_EMPTY).isEmpty();
        assertThat(widget.getTags()).isNull();
        assertThat(widget.getKind()).isNull();
    }

    @Test
    void aTypeWhoseConstructorMakesPerObjectValuesKeepsItsConstructor() throws Exception {
        ObjectReader reader = SHARING.readerFor(Stamped.class);
        int constructed = Stamped.CONSTRUCTED.get();

        Stamped a = reader.readValue("{\"name\":\"a\"}");
        Stamped b = reader.readValue("{\"name\":\"b\"}");

        assertThat(Stamped.CONSTRUCTED.get()).isEqualTo(constructed + 2);
        assertThat(a.getUid()).isNotEqualTo(b.getUid());
        assertThat(a.getTags()).isSameAs(Collections.emptyList());
        assertThat(PresetFields.find(Stamped.class)).isNull();
    }

    @Test
    void aMutableValueOrAFieldNoSetterReachesDisqualifiesTheType() throws Exception {
        WithBuffer a = SHARING.readValue("{\"name\":\"a\"}", WithBuffer.class);
        WithBuffer b = SHARING.readValue("{\"name\":\"b\"}", WithBuffer.class);
        ReadOnlyList list = SHARING.readValue("{\"name\":\"c\",\"history\":[\"created\"]}", ReadOnlyList.class);

        assertThat(PresetFields.find(WithBuffer.class)).isNull();
        assertThat(PresetFields.find(ReadOnlyList.class)).isNull();
        assertThat(a.getBuffer()).isNotNull().isNotSameAs(b.getBuffer());
        // Jackson fills a list without a setter through its getter: it must be the constructor's mutable list
        assertThat(list.getHistory()).containsExactly("created");
        assertThat(PresetFields.find(Widget.class)).isNotNull();
    }

    @Test
    void aPrimitiveTheConstructorSetsToOtherThanZeroKeepsTheConstructor() throws Exception {
        Sized sized = SHARING.readValue("{\"name\":\"a\",\"replicas\":2}", Sized.class);

        assertThat(PresetFields.find(Sized.class)).isNull();
        assertThat(sized.getRatio()).isEqualTo(0.5);
        assertThat(sized.getReplicas()).isEqualTo(2);
    }

    @Test
    void aPodListItemWithoutKindGetsTheConstructorsKindAndApiVersion() throws Exception {
        // items of a LIST response carry neither; fabric8's Pod constructor sets both
        Pod pod = SHARING.readValue("{\"metadata\":{\"name\":\"a\"}}", Pod.class);

        assertThat(pod.getKind()).isEqualTo("Pod");
        assertThat(pod.getApiVersion()).isEqualTo("v1");
        assertThat(pod).isEqualTo(KubernetesJson.mapper().readValue("{\"metadata\":{\"name\":\"a\"}}", Pod.class));
        assertThat(PresetFields.find(Pod.class)).isNotNull();
        assertThat(PresetFields.find(ObjectMeta.class)).isNotNull();
    }
}
