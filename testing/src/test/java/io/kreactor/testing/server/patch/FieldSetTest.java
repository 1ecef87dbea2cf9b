package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kreactor.testing.server.patch.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSetTest {

    /** FieldsV1 as kube-controller-manager writes it for a Deployment's status. */
    private static final JsonNode CONTROLLER_FIELDS = json("{'f:status':{'f:availableReplicas':{},"
            + "'f:conditions':{'.':{},'k:{\"type\":\"Available\"}':{'.':{},'f:status':{},'f:type':{}}},"
            + "'f:observedGeneration':{}}}");

    @Test
    void decodesAndEncodesFieldsV1WithoutLoss() {
        FieldSet set = FieldSet.fromFieldsV1(CONTROLLER_FIELDS);
        assertThat(set.toFieldsV1()).isEqualTo(CONTROLLER_FIELDS);
        assertThat(set.renderedPaths()).containsExactly(
                ".status.availableReplicas",
                ".status.conditions",
                ".status.conditions[type=\"Available\"]",
                ".status.conditions[type=\"Available\"].status",
                ".status.conditions[type=\"Available\"].type",
                ".status.observedGeneration");
    }

    @Test
    void canonicalizesKeyElementsSoTheyCompareEqual() {
        FieldSet written = FieldSet.fromFieldsV1(json("{'k:{\"protocol\":\"TCP\", \"containerPort\":80}':{}}"));
        FieldSet ours = FieldSet.empty();
        ours.insert(List.of("k:{\"containerPort\":80,\"protocol\":\"TCP\"}"));
        assertThat(written).isEqualTo(ours);
        assertThat(written.renderedPaths()).containsExactly("[containerPort=80,protocol=\"TCP\"]");
    }

    @Test
    void setOperationsWorkOnMembersNotOnPrefixes() {
        FieldSet a = FieldSet.fromFieldsV1(json("{'f:spec':{'.':{},'f:replicas':{},'f:paused':{}}}"));
        FieldSet b = FieldSet.fromFieldsV1(json("{'f:spec':{'f:replicas':{},'f:minReadySeconds':{}}}"));
        assertThat(a.intersection(b).renderedPaths()).containsExactly(".spec.replicas");
        assertThat(a.difference(b).renderedPaths()).containsExactly(".spec", ".spec.paused");
        assertThat(a.union(b).renderedPaths()).containsExactly(".spec", ".spec.minReadySeconds", ".spec.paused", ".spec.replicas");
        assertThat(b.difference(b).isEmpty()).isTrue();
        assertThat(a.has(List.of("f:spec"))).isTrue();
        assertThat(b.has(List.of("f:spec"))).isFalse();
    }

    @Test
    void rendersValuesAndIndices() {
        FieldSet set = FieldSet.fromFieldsV1(json("{'f:metadata':{'f:finalizers':{'v:\"x\"':{}}},'f:spec':{'f:args':{'i:0':{}}}}"));
        assertThat(set.renderedPaths()).containsExactly(".metadata.finalizers[=\"x\"]", ".spec.args[0]");
    }

    @Test
    void rejectsElementsThatAreNotFieldsV1() {
        assertThatThrownBy(() -> FieldSet.fromFieldsV1(json("{'spec':{}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'spec' is not a FieldsV1 path element");
        assertThatThrownBy(() -> FieldSet.fromFieldsV1(json("{'k:[1]':{}}")))
                .hasMessageContaining("its key is not a JSON object");
        assertThatThrownBy(() -> FieldSet.fromFieldsV1(json("[]")))
                .hasMessageContaining("fieldsV1 must be a JSON object");
    }
}
