package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetadataAccessorsTest {

    private static final String POD_JSON = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default","resourceVersion":"17",
             "uid":"0c9f-uid","labels":{"app":"web"},"annotations":{"note":"hi"}}}""";

    @Test
    void readsAFabric8Pod() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("default").withResourceVersion("17")
                .withUid("0c9f-uid").withLabels(Map.of("app", "web")).withAnnotations(Map.of("note", "hi")).endMetadata().build();
        MetadataAccessor<Pod> a = MetadataAccessors.forType(Pod.class);
        assertThat(a.name(pod)).isEqualTo("web");
        assertThat(a.namespace(pod)).isEqualTo("default");
        assertThat(a.resourceVersion(pod)).isEqualTo("17");
        assertThat(a.uid(pod)).isEqualTo("0c9f-uid");
        assertThat(a.labels(pod)).containsExactly(Map.entry("app", "web"));
        assertThat(a.annotations(pod)).containsExactly(Map.entry("note", "hi"));
        assertThat(a.key(pod)).isEqualTo("default/web");
    }

    @Test
    void clusterScopedObjectsAreKeyedByNameAlone() {
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName("prod").endMetadata().build();
        assertThat(MetadataAccessors.forType(Namespace.class).key(ns)).isEqualTo("prod");
    }

    @Test
    void missingMetadataReadsAsNullsAndEmptyMaps() {
        MetadataAccessor<Pod> a = MetadataAccessors.forType(Pod.class);
        Pod bare = new Pod();
        assertThat(a.name(bare)).isNull();
        assertThat(a.labels(bare)).isEmpty();
        assertThat(a.annotations(new PodBuilder().withNewMetadata().withName("x").endMetadata().build())).isEmpty();
    }

    @Test
    void theInterfaceTypeHasMetadataWorksForEveryFabric8Kind() {
        MetadataAccessor<HasMetadata> a = MetadataAccessors.forType(HasMetadata.class);
        assertThat(a.key(new PodBuilder().withNewMetadata().withName("p").withNamespace("n").endMetadata().build())).isEqualTo("n/p");
        assertThat(a.key(new NamespaceBuilder().withNewMetadata().withName("n").endMetadata().build())).isEqualTo("n");
    }

    @Test
    void readsAJsonTree() throws Exception {
        JsonNode pod = KubernetesJson.mapper().readTree(POD_JSON);
        MetadataAccessor<JsonNode> a = MetadataAccessors.forType(JsonNode.class);
        assertThat(a.key(pod)).isEqualTo("default/web");
        assertThat(a.resourceVersion(pod)).isEqualTo("17");
        assertThat(a.uid(pod)).isEqualTo("0c9f-uid");
        assertThat(a.labels(pod)).containsExactly(Map.entry("app", "web"));
        assertThat(a.annotations(pod)).containsExactly(Map.entry("note", "hi"));
        assertThat(a.name(KubernetesJson.mapper().readTree("{}"))).isNull();
    }

    @Test
    void aMalformedNonStringLabelValueReadsAsText() throws Exception {
        JsonNode odd = KubernetesJson.mapper().readTree("{\"metadata\":{\"labels\":{\"n\":3}}}");
        Map<String, String> labels = MetadataAccessors.forType(JsonNode.class).labels(odd);
        assertThat(labels.get("n")).isEqualTo("3");
    }

    @Test
    void readsAnUnstructured() {
        Unstructured u = Unstructured.parse(POD_JSON);
        MetadataAccessor<Unstructured> a = MetadataAccessors.forType(Unstructured.class);
        assertThat(a.key(u)).isEqualTo("default/web");
        assertThat(a.resourceVersion(u)).isEqualTo("17");
        assertThat(a.uid(u)).isEqualTo("0c9f-uid");
        assertThat(a.labels(u)).containsExactly(Map.entry("app", "web"));
        assertThat(a.annotations(u)).containsExactly(Map.entry("note", "hi"));
    }

    @Test
    void readsAnyUnstructuredMetadataImplementation() throws Exception {
        JsonNode meta = KubernetesJson.mapper().readTree("{\"name\":\"cm\",\"namespace\":\"kube-system\"}");
        MetadataAccessors.UnstructuredMetadata custom = () -> meta;
        @SuppressWarnings("unchecked")
        MetadataAccessor<MetadataAccessors.UnstructuredMetadata> a =
                (MetadataAccessor<MetadataAccessors.UnstructuredMetadata>) MetadataAccessors.forType(custom.getClass());
        assertThat(a.key(custom)).isEqualTo("kube-system/cm");
    }

    @Test
    void aTypeWithoutGetMetadataIsRejectedNamingTheType() {
        assertThatThrownBy(() -> MetadataAccessors.forType(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String has no public getMetadata()")
                .hasMessageContaining("JsonNode");
    }

    @Test
    void accessorsAreCachedPerType() {
        assertThat(MetadataAccessors.forType(Pod.class)).isSameAs(MetadataAccessors.forType(Pod.class));
    }
}
