package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.kreactor.testing.server.patch.Json.json;
import static io.kreactor.testing.server.patch.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenApiSchemaTest {

    private static final ObjectSchema WIDGET = ObjectSchema.fromOpenApiV3(json("{'type':'object','properties':{"
            + "'spec':{'type':'object','properties':{"
            + "'ports':{'type':'array','x-kubernetes-list-type':'map','x-kubernetes-list-map-keys':['port','protocol'],"
            + "'items':{'type':'object','properties':{'port':{'type':'integer'},'protocol':{'type':'string','default':'TCP'},"
            + "'hosts':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string'}}}}},"
            + "'tags':{'type':'array','x-kubernetes-list-type':'set','items':{'type':'string'}},"
            + "'args':{'type':'array','items':{'type':'string'}},"
            + "'selector':{'type':'object','x-kubernetes-map-type':'atomic','additionalProperties':{'type':'string'}}}}}}"));

    private static ObjectNode widget(String spec) {
        return obj("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w'},'spec':" + spec + "}");
    }

    @Test
    void readsListTypesKeysDefaultsAndAtomicMaps() {
        assertThat(WIDGET.list("spec.ports").type()).isEqualTo(ListType.MAP);
        assertThat(WIDGET.list("spec.ports").keys()).containsExactly("port", "protocol");
        assertThat(WIDGET.list("spec.ports").keyDefaults()).containsEntry("protocol", json("'TCP'"));
        assertThat(WIDGET.list("spec.ports[].hosts")).isEqualTo(ListSchema.SET);
        assertThat(WIDGET.list("spec.tags")).isEqualTo(ListSchema.SET);
        assertThat(WIDGET.list("spec.args")).isEqualTo(ListSchema.ATOMIC);
        assertThat(WIDGET.isAtomicObject("spec.selector")).isTrue();
        assertThat(WIDGET.list("metadata.finalizers")).isEqualTo(ListSchema.SET);
    }

    @Test
    void applyOnACustomResourceMergesItsMapListsByTheirKeys() {
        FieldManager manager = FieldManager.of(WIDGET);
        ObjectNode first = manager.apply(null, widget("{'ports':[{'port':80}],'tags':['a'],'selector':{'x':'1'}}"), "a", false, "t1");
        ObjectNode second = manager.apply(first, widget("{'ports':[{'port':443}],'tags':['b']}"), "b", false, "t2");
        assertThat(second.at("/spec/ports")).isEqualTo(json("[{'port':80},{'port':443}]"));
        assertThat(second.at("/spec/tags")).isEqualTo(json("['a','b']"));
        assertThat(second.at("/metadata/managedFields/1/fieldsV1")).isEqualTo(json("{'f:spec':{"
                + "'f:ports':{'k:{\"port\":443,\"protocol\":\"TCP\"}':{'.':{},'f:port':{}}},'f:tags':{'v:\"b\"':{}}}}"));
        assertThat(ServerSideApply.managedFields(second).get(0).fields().renderedPaths())
                .contains(".spec.selector", ".spec.ports[port=80,protocol=\"TCP\"].port");
    }

    @Test
    void strategicMergeWithAnExplicitSchemaUsesTheFirstKey() {
        ObjectNode result = Patches.strategicMergePatch(widget("{'ports':[{'port':80,'name':'a'}]}"),
                json("{'spec':{'ports':[{'port':80,'name':'b'}]}}"), WIDGET);
        assertThat(result.at("/spec/ports")).isEqualTo(json("[{'port':80,'name':'b'}]"));
    }

    @Test
    void rejectsUnknownListTypesAndMapListsWithoutKeys() {
        assertThatThrownBy(() -> ObjectSchema.fromOpenApiV3(json("{'properties':{'l':{'type':'array','x-kubernetes-list-type':'bag','items':{}}}}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x-kubernetes-list-type of 'l' must be atomic, set or map, got 'bag'");
        assertThatThrownBy(() -> ObjectSchema.fromOpenApiV3(json("{'properties':{'l':{'type':'array','x-kubernetes-list-type':'map','items':{}}}}")))
                .hasMessage("'l' has x-kubernetes-list-type map but no x-kubernetes-list-map-keys");
        assertThatThrownBy(() -> ObjectSchema.fromOpenApiV3(json("[]")))
                .hasMessageContaining("must be a JSON object");
    }
}
