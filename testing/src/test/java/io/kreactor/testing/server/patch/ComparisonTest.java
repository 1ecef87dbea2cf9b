package io.kreactor.testing.server.patch;

import io.kreactor.core.api.GroupVersionKind;
import org.junit.jupiter.api.Test;

import static io.kreactor.testing.server.patch.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    private static final ObjectSchema DEPLOYMENT = BuiltinSchemas.forKind(new GroupVersionKind("apps", "v1", "Deployment"));

    private static Comparison compare(String before, String after) {
        return Comparison.of(obj(before), obj(after), DEPLOYMENT);
    }

    @Test
    void reportsChangedScalarsAndNewAndRemovedFields() {
        Comparison c = compare("{'spec':{'replicas':1,'paused':true}}", "{'spec':{'replicas':2,'minReadySeconds':3}}");
        assertThat(c.modified().renderedPaths()).containsExactly(".spec.replicas");
        assertThat(c.added().renderedPaths()).containsExactly(".spec.minReadySeconds");
        assertThat(c.removed().renderedPaths()).containsExactly(".spec.paused");
    }

    @Test
    void anAtomicSelectorChangesAsOneValue() {
        Comparison c = compare("{'spec':{'selector':{'matchLabels':{'a':'1'}}}}", "{'spec':{'selector':{'matchLabels':{'a':'2'}}}}");
        assertThat(c.modified().renderedPaths()).containsExactly(".spec.selector");
        assertThat(c.added().isEmpty()).isTrue();
    }

    @Test
    void listItemsAreComparedByKeyNotPosition() {
        Comparison c = compare("{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'1'},{'name':'b','image':'1'}]}}}}",
                "{'spec':{'template':{'spec':{'containers':[{'name':'c','image':'1'},{'name':'a','image':'2'}]}}}}");
        assertThat(c.modified().renderedPaths()).containsExactly(".spec.template.spec.containers[name=\"a\"].image");
        assertThat(c.added().renderedPaths()).containsExactly(
                ".spec.template.spec.containers[name=\"c\"]",
                ".spec.template.spec.containers[name=\"c\"].image",
                ".spec.template.spec.containers[name=\"c\"].name");
        assertThat(c.removed().renderedPaths()).containsExactly(
                ".spec.template.spec.containers[name=\"b\"]",
                ".spec.template.spec.containers[name=\"b\"].image",
                ".spec.template.spec.containers[name=\"b\"].name");
    }

    @Test
    void setsCompareByValueAndAtomicListsAsAWhole() {
        Comparison c = compare("{'metadata':{'finalizers':['a','b']},'spec':{'template':{'spec':{'tolerations':[{'key':'x'}]}}}}",
                "{'metadata':{'finalizers':['b','c']},'spec':{'template':{'spec':{'tolerations':[{'key':'y'}]}}}}");
        assertThat(c.added().renderedPaths()).containsExactly(".metadata.finalizers[=\"c\"]");
        assertThat(c.removed().renderedPaths()).containsExactly(".metadata.finalizers[=\"a\"]");
        assertThat(c.modified().renderedPaths()).containsExactly(".spec.template.spec.tolerations");
    }

    @Test
    void serverFieldsAreNeverReported() {
        Comparison c = compare("{'apiVersion':'apps/v1','metadata':{'name':'a','resourceVersion':'1','generation':1,'uid':'u'}}",
                "{'apiVersion':'apps/v2','metadata':{'name':'b','resourceVersion':'2','generation':2,'uid':'v','managedFields':[]}}");
        assertThat(c.isEmpty()).isTrue();
    }

    @Test
    void anObjectThatBecomesAScalarIsModifiedAndItsFieldsRemoved() {
        Comparison c = compare("{'spec':{'strategy':{'type':'Recreate'}}}", "{'spec':{'strategy':'Recreate'}}");
        assertThat(c.modified().renderedPaths()).containsExactly(".spec.strategy");
        assertThat(c.removed().renderedPaths()).containsExactly(".spec.strategy.type");
    }
}
