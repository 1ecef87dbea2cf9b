package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EmptyCollectionsAccessorTest {

    @Test
    void emptyArrayListsAndHashMapsBecomeTheSharedImmutableOnes() {
        Model model = new Model();
        assertThat(EmptyCollectionsAccessor.of(Model.class).share(model)).isSameAs(model);

        assertThat(model.getItems()).isSameAs(Collections.emptyList());
        assertThat(model.getLabels()).isSameAs(Collections.emptyMap());
        assertThat(model.getPlainMap()).isSameAs(Collections.emptyMap());
    }

    @Test
    void filledCollectionsAndOtherKindsOfCollectionAreKept() {
        Model model = new Model();
        model.getItems().add("x");
        model.getLabels().put("app", "web");
        List<String> filled = model.getItems();
        EmptyCollectionsAccessor.of(Model.class).share(model);

        assertThat(model.getItems()).isSameAs(filled).containsExactly("x");
        assertThat(model.getLabels()).isInstanceOf(LinkedHashMap.class).containsEntry("app", "web");
        assertThat(model.getLinked()).isInstanceOf(LinkedList.class).isEmpty();
        assertThat(model.getSorted()).isInstanceOf(TreeMap.class).isEmpty();
        assertThat(model.getNothing()).isNull();
    }

    @Test
    void propertiesWithoutAMatchingSetterOrWithANarrowerTypeAreLeftAlone() {
        Model model = new Model();
        EmptyCollectionsAccessor.of(Model.class).share(model);

        assertThat(model.getReadOnly()).isInstanceOf(ArrayList.class).isEmpty();
        assertThat(model.getNarrow()).isInstanceOf(ArrayList.class).isEmpty();
        assertThat(model.getAdditionalProperties()).isInstanceOf(LinkedHashMap.class);
    }

    @Test
    void typesWithoutSuchPropertiesAndValuesOfOtherTypesPassUnchanged() {
        assertThat(EmptyCollectionsAccessor.of(String.class).isEmpty()).isTrue();
        assertThat(EmptyCollectionsAccessor.of(ArrayList.class).isEmpty()).isTrue();
        assertThat(EmptyCollectionsAccessor.of(Runnable.class).isEmpty()).isTrue();
        assertThat(EmptyCollectionsAccessor.of(Model.class).isEmpty()).isFalse();
        assertThat(EmptyCollectionsAccessor.of(Model.class).share(null)).isNull();
        assertThat(EmptyCollectionsAccessor.of(Model.class).share("text")).isEqualTo("text");
    }

    /** A list Jackson fills through the module is trimmed to its size once the object is bound. */
    @Test
    void aListFilledByJacksonIsTrimmedToItsSize() throws Exception {
        ObjectMapper sharing = KubernetesJson.newMapper().registerModule(KubernetesJson.sharedEmptyCollectionsModule());
        Trimmed trimmed = sharing.readValue("{\"values\":[\"a\",\"b\"]}", Trimmed.class);
        Trimmed plain = KubernetesJson.mapper().readValue("{\"values\":[\"a\",\"b\"]}", Trimmed.class);

        assertThat(trimmed.getValues()).containsExactly("a", "b");
        assertThat(((RecordingList) trimmed.getValues()).trimmed).isTrue();
        assertThat(((RecordingList) plain.getValues()).trimmed).isFalse();
        assertThat(trimmed.getOthers()).isSameAs(Collections.emptyList());
    }

    /** The fabric8 shape: collections start empty and mutable. */
    public static class Model {
        private List<String> items = new ArrayList<>();
        private Map<String, String> labels = new LinkedHashMap<>();
        private Map<String, String> plainMap = new HashMap<>();
        private List<String> linked = new LinkedList<>();
        private Map<String, String> sorted = new TreeMap<>();
        private List<String> nothing;
        private final List<String> readOnly = new ArrayList<>();
        private ArrayList<String> narrow = new ArrayList<>();
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        public List<String> getItems() { return items; }
        public void setItems(List<String> items) { this.items = items; }
        public Map<String, String> getLabels() { return labels; }
        public void setLabels(Map<String, String> labels) { this.labels = labels; }
        public Map<String, String> getPlainMap() { return plainMap; }
        public void setPlainMap(Map<String, String> plainMap) { this.plainMap = plainMap; }
        public List<String> getLinked() { return linked; }
        public void setLinked(List<String> linked) { this.linked = linked; }
        public Map<String, String> getSorted() { return sorted; }
        public void setSorted(Map<String, String> sorted) { this.sorted = sorted; }
        public List<String> getNothing() { return nothing; }
        public void setNothing(List<String> nothing) { this.nothing = nothing; }
        public List<String> getReadOnly() { return readOnly; }
        public ArrayList<String> getNarrow() { return narrow; }
        public void setNarrow(ArrayList<String> narrow) { this.narrow = narrow; }
        public Map<String, Object> getAdditionalProperties() { return additionalProperties; }
        public void setAdditionalProperties(Map<String, Object> additionalProperties) { this.additionalProperties = additionalProperties; }
    }

    /** A model whose list is bound as a list that records being trimmed. */
    public static class Trimmed {
        @JsonDeserialize(as = RecordingList.class)
        private List<String> values = new ArrayList<>();
        private List<String> others = new ArrayList<>();
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        public List<String> getValues() { return values; }
        public void setValues(List<String> values) { this.values = values; }
        public List<String> getOthers() { return others; }
        public void setOthers(List<String> others) { this.others = others; }
        public Map<String, Object> getAdditionalProperties() { return additionalProperties; }
        public void setAdditionalProperties(Map<String, Object> additionalProperties) { this.additionalProperties = additionalProperties; }
    }

    /** An {@code ArrayList} that remembers {@link #trimToSize()}. */
    public static class RecordingList extends ArrayList<String> {
        private static final long serialVersionUID = 1L;
        boolean trimmed;

        @Override
        public void trimToSize() {
            trimmed = true;
            super.trimToSize();
        }
    }
}
