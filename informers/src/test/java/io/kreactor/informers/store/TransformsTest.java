package io.kreactor.informers.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.kreactor.core.api.Unstructured;
import io.kreactor.informers.TestObjects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TransformsTest {

    @Test
    void dropManagedFieldsClearsThemOnAFabric8Object() {
        Pod pod = new PodBuilder().withNewMetadata().withNamespace("ns").withName("web-0").withResourceVersion("7")
                .withManagedFields(new ManagedFieldsEntryBuilder().withManager("kubectl").withOperation("Apply").build())
                .endMetadata().build();

        Pod result = Transforms.dropManagedFields(Pod.class).apply(pod);

        assertThat(result.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(result.getMetadata().getName()).isEqualTo("web-0");
        assertThat(result.getMetadata().getResourceVersion()).isEqualTo("7");
    }

    @Test
    void dropManagedFieldsReturnsATrimmedCopyOfAnUnstructured() {
        var node = TestObjects.obj("ns", "a", "3");
        node.withObject("/metadata").putArray("managedFields").addObject().put("manager", "kubectl");
        Unstructured original = Unstructured.of(node);

        Unstructured result = Transforms.dropManagedFields(Unstructured.class).apply(original);

        assertThat(result.metadataNode().has("managedFields")).isFalse();
        assertThat(result.name()).isEqualTo("a");
        assertThat(original.metadataNode().has("managedFields")).isTrue();
    }

    @Test
    void dropManagedFieldsLeavesAnUnstructuredWithoutThemAsItIs() {
        Unstructured original = Unstructured.of(TestObjects.obj("ns", "a", "3"));

        assertThat(Transforms.dropManagedFields(Unstructured.class).apply(original)).isSameAs(original);
    }

    @Test
    void dropManagedFieldsEditsAJsonTreeInPlace() {
        var node = TestObjects.obj("ns", "a", "3");
        node.withObject("/metadata").putArray("managedFields").addObject().put("manager", "kubectl");
        UnaryOperator<JsonNode> transform = Transforms.dropManagedFields(JsonNode.class);

        assertThat(transform.apply(node).path("metadata").has("managedFields")).isFalse();
        assertThat(node.path("metadata").path("name").asText()).isEqualTo("a");
    }

    @Test
    void dropManagedFieldsRejectsATypeWithoutMetadataByName() {
        assertThatThrownBy(() -> Transforms.dropManagedFields(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
