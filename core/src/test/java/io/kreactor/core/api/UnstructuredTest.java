package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnstructuredTest {

    private final ObjectMapper mapper = KubernetesJson.mapper();

    private static final String DEPLOYMENT = """
            {"apiVersion":"apps/v1","kind":"Deployment",
             "metadata":{"name":"web","namespace":"prod","uid":"d-uid","resourceVersion":"9","generation":3,
               "creationTimestamp":"2024-03-01T12:00:00Z","deletionTimestamp":"2024-03-02T08:30:00Z",
               "labels":{"app":"web"},"annotations":{"a":"b"},"finalizers":["example.com/cleanup"],
               "ownerReferences":[{"apiVersion":"v1","kind":"ConfigMap","name":"owner","uid":"o-uid","controller":true}]},
             "spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}""";

    @Test
    void readsTypeAndMetadata() {
        Unstructured u = Unstructured.parse(DEPLOYMENT);
        assertThat(u.apiVersion()).isEqualTo("apps/v1");
        assertThat(u.kind()).isEqualTo("Deployment");
        assertThat(u.groupVersionKind()).contains(new GroupVersionKind("apps", "v1", "Deployment"));
        assertThat(u.name()).isEqualTo("web");
        assertThat(u.namespace()).isEqualTo("prod");
        assertThat(u.uid()).isEqualTo("d-uid");
        assertThat(u.resourceVersion()).isEqualTo("9");
        assertThat(u.generation()).isEqualTo(3);
        assertThat(u.creationTimestamp()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
        assertThat(u.deletionTimestamp()).isEqualTo(Instant.parse("2024-03-02T08:30:00Z"));
        assertThat(u.labels()).containsExactly(Map.entry("app", "web"));
        assertThat(u.annotations()).containsExactly(Map.entry("a", "b"));
        assertThat(u.finalizers()).containsExactly("example.com/cleanup");
        assertThat(u.ownerReferences()).hasSize(1);
        assertThat(u.ownerReferences().get(0).path("uid").asText()).isEqualTo("o-uid");
        assertThat(u.nested("spec", "replicas").asInt()).isEqualTo(2);
        assertThat(u.nested("spec", "nope", "deeper").isMissingNode()).isTrue();
    }

    @Test
    void absentFieldsReadAsNullZeroOrEmpty() {
        Unstructured u = Unstructured.of(GroupVersionKind.of("v1", "ConfigMap"));
        assertThat(u.name()).isNull();
        assertThat(u.namespace()).isNull();
        assertThat(u.generation()).isZero();
        assertThat(u.deletionTimestamp()).isNull();
        assertThat(u.labels()).isEmpty();
        assertThat(u.finalizers()).isEmpty();
        assertThat(u.ownerReferences()).isEmpty();
        assertThat(u.metadataNode().isMissingNode()).isTrue();
    }

    @Test
    void listItemsWithoutApiVersionOrKindHaveNoGroupVersionKind() {
        assertThat(Unstructured.parse("{\"metadata\":{\"name\":\"x\"}}").groupVersionKind()).isEmpty();
        assertThat(Unstructured.parse("{\"apiVersion\":\"a/b/c\",\"kind\":\"X\"}").groupVersionKind()).isEmpty();
    }

    @Test
    void serializesAsThePlainObjectJson() throws Exception {
        Unstructured u = Unstructured.parse(DEPLOYMENT);
        assertThat(mapper.readTree(mapper.writeValueAsString(u))).isEqualTo(mapper.readTree(DEPLOYMENT));
        assertThat(mapper.readValue(mapper.writeValueAsString(u), Unstructured.class)).isEqualTo(u);
    }

    @Test
    void decodesInsideOtherTypesAsAPlainObject() throws Exception {
        record Holder(List<Unstructured> items) {
        }
        Holder h = mapper.readValue("{\"items\":[" + DEPLOYMENT + "]}", Holder.class);
        assertThat(h.items()).containsExactly(Unstructured.parse(DEPLOYMENT));
        assertThatThrownBy(() -> mapper.readValue("{\"items\":[[1]]}", Holder.class)).hasMessageContaining("ObjectNode");
    }

    @Test
    void parseRejectsNonObjects() {
        assertThatThrownBy(() -> Unstructured.parse("[1,2]")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> Unstructured.of(mapper.getNodeFactory().textNode("x")))
                .hasMessageContaining("must be a JSON object, got STRING");
    }

    @Test
    void convertsFromAndToAFabric8Pod() {
        Pod pod = new PodBuilder().withNewMetadata().withName("web").withNamespace("default").addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().build();
        Unstructured u = Unstructured.from(pod);
        assertThat(u.groupVersionKind()).contains(GroupVersionKind.of("v1", "Pod"));
        assertThat(u.name()).isEqualTo("web");
        assertThat(u.nested("spec", "containers").get(0).path("image").asText()).isEqualTo("nginx");
        assertThat(u.to(Pod.class)).isEqualTo(pod);
    }

    @Test
    void fromTypedEqualsTheSameObjectDecodedFromText() throws Exception {
        Pod pod = new PodBuilder().withNewMetadata().withName("p").withGeneration(5L).endMetadata()
                .withNewSpec().withTerminationGracePeriodSeconds(30L).withActiveDeadlineSeconds(7_000_000_000L).endSpec().build();
        Unstructured typed = Unstructured.from(pod);
        Unstructured decoded = Unstructured.parse(mapper.writeValueAsString(pod));
        assertThat(typed).isEqualTo(decoded);
        assertThat(typed.hashCode()).isEqualTo(decoded.hashCode());
    }

    @Test
    void fromAMapAndFromAJsonNode() {
        Unstructured fromMap = Unstructured.from(Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "cm")));
        assertThat(fromMap.name()).isEqualTo("cm");
        ObjectNode node = mapper.createObjectNode().put("kind", "X");
        Unstructured fromNode = Unstructured.from(node);
        node.put("kind", "Changed");
        assertThat(fromNode.kind()).isEqualTo("X");
        assertThat(Unstructured.from(fromNode)).isSameAs(fromNode);
    }

    @Test
    void fromRejectsValuesThatAreNotObjects() {
        assertThatThrownBy(() -> Unstructured.from(List.of(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("it maps to JSON ARRAY, not an object");
    }

    @Test
    void toATypeTheContentDoesNotFitNamesTheObjectAndType() {
        Unstructured u = Unstructured.parse("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\",\"namespace\":\"n\"},"
                + "\"spec\":{\"containers\":\"not a list\"}}");
        assertThatThrownBy(() -> u.to(Pod.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot convert Unstructured[v1, Kind=Pod n/p] to io.fabric8.kubernetes.api.model.Pod");
    }

    @Test
    void withCopiesChangeOnlyTheCopy() {
        Unstructured original = Unstructured.parse(DEPLOYMENT);
        Unstructured changed = original.withName("api").withNamespace(null).withLabel("tier", "be").withLabel("app", null)
                .withAnnotations(Map.of()).withResourceVersion("10").withUid("u2").withGeneration(4)
                .withFinalizers(List.of()).withDeletionTimestamp(null).withCreationTimestamp(Instant.parse("2025-01-01T00:00:00Z"))
                .withOwnerReferences(null).withGenerateName("api-").withNested(5, "spec", "replicas");
        assertThat(original).isEqualTo(Unstructured.parse(DEPLOYMENT));
        assertThat(changed.name()).isEqualTo("api");
        assertThat(changed.namespace()).isNull();
        assertThat(changed.labels()).containsExactly(Map.entry("tier", "be"));
        assertThat(changed.annotations()).isEmpty();
        assertThat(changed.resourceVersion()).isEqualTo("10");
        assertThat(changed.uid()).isEqualTo("u2");
        assertThat(changed.generation()).isEqualTo(4);
        assertThat(changed.finalizers()).isEmpty();
        assertThat(changed.deletionTimestamp()).isNull();
        assertThat(changed.creationTimestamp()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(changed.ownerReferences()).isEmpty();
        assertThat(changed.generateName()).isEqualTo("api-");
        assertThat(changed.nested("spec", "replicas").asInt()).isEqualTo(5);
        assertThat(changed.toJsonNode().path("metadata").has("annotations")).isFalse();
    }

    @Test
    void withGroupVersionKindAndNestedBuildAnObjectFromScratch() {
        Unstructured cm = Unstructured.of(GroupVersionKind.of("v1", "Secret"))
                .withGroupVersionKind(GroupVersionKind.of("v1", "ConfigMap"))
                .withName("settings").withNamespace("default").withNested(Map.of("k", "v"), "data");
        assertThat(cm.toJsonNode()).isEqualTo(mapper.valueToTree(Map.of("apiVersion", "v1", "kind", "ConfigMap",
                "metadata", Map.of("name", "settings", "namespace", "default"), "data", Map.of("k", "v"))));
        assertThatThrownBy(() -> cm.withNested(1, "data", "k", "deeper"))
                .hasMessageContaining("cannot set data.k.deeper: k is STRING, not an object");
        assertThat(cm.withNested(null, "spec", "missing")).isEqualTo(cm);
    }

    @Test
    void nothingReturnedCanChangeTheInstance() {
        Unstructured u = Unstructured.parse(DEPLOYMENT);
        u.toJsonNode().put("kind", "Hacked");
        ((ObjectNode) u.metadataNode()).put("name", "hacked");
        u.ownerReferences().removeAll();
        ((ObjectNode) u.nested("spec")).put("replicas", 99);
        assertThatThrownBy(() -> u.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> u.finalizers().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(u).isEqualTo(Unstructured.parse(DEPLOYMENT));
    }

    @Test
    void equalityIsByContentRegardlessOfMemberOrder() {
        Unstructured a = Unstructured.parse("{\"kind\":\"X\",\"metadata\":{\"name\":\"n\",\"namespace\":\"s\"}}");
        Unstructured b = Unstructured.parse("{\"metadata\":{\"namespace\":\"s\",\"name\":\"n\"},\"kind\":\"X\"}");
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(a.withLabel("x", "y"));
    }

    @Test
    void toStringShowsKindAndKeyButNeverSecretData() {
        Secret secret = new SecretBuilder().withNewMetadata().withName("db-password").withNamespace("prod").endMetadata()
                .addToData("password", "c3VwZXItc2VjcmV0").addToStringData("token", "plain-secret").build();
        Unstructured u = Unstructured.from(secret);
        assertThat(u.toString()).isEqualTo("Unstructured[v1, Kind=Secret prod/db-password]");
        assertThat(u.toString()).doesNotContain("c3VwZXItc2VjcmV0").doesNotContain("plain-secret");
        assertThat(Unstructured.parse("{}").toString()).isEqualTo("Unstructured[<no apiVersion/kind> <no name>]");
        assertThat(Unstructured.parse("{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"ns\"}}").toString())
                .isEqualTo("Unstructured[v1, Kind=Namespace ns]");
    }

    @Test
    void malformedTimestampIsReportedWithTheField() {
        Unstructured u = Unstructured.parse("{\"kind\":\"X\",\"metadata\":{\"name\":\"n\",\"deletionTimestamp\":\"yesterday\"}}");
        assertThatThrownBy(u::deletionTimestamp).hasMessageContaining("metadata.deletionTimestamp").hasMessageContaining("'yesterday'");
    }

    @Test
    void metadataNodeIsACopyOfMetadata() {
        JsonNode meta = Unstructured.parse(DEPLOYMENT).metadataNode();
        assertThat(meta.path("name").asText()).isEqualTo("web");
    }
}
