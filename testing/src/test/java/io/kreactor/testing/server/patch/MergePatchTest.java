package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static io.kreactor.testing.server.patch.Json.json;
import static io.kreactor.testing.server.patch.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergePatchTest {

    /** Every row of RFC 7386 appendix A. */
    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "{'a':'b'}                | {'a':'c'}                    | {'a':'c'}",
            "{'a':'b'}                | {'b':'c'}                    | {'a':'b','b':'c'}",
            "{'a':'b'}                | {'a':null}                   | {}",
            "{'a':'b','b':'c'}        | {'a':null}                   | {'b':'c'}",
            "{'a':['b']}              | {'a':'c'}                    | {'a':'c'}",
            "{'a':'c'}                | {'a':['b']}                  | {'a':['b']}",
            "{'a':{'b':'c'}}          | {'a':{'b':'d','c':null}}     | {'a':{'b':'d'}}",
            "{'a':[{'b':'c'}]}        | {'a':[1]}                    | {'a':[1]}",
            "['a','b']                | ['c','d']                    | ['c','d']",
            "{'a':'b'}                | ['c']                        | ['c']",
            "{'a':'foo'}              | null                         | null",
            "{'a':'foo'}              | 'bar'                        | 'bar'",
            "{'e':null}               | {'a':1}                      | {'e':null,'a':1}",
            "[1,2]                    | {'a':'b','c':null}           | {'a':'b'}",
            "{}                       | {'a':{'bb':{'ccc':null}}}    | {'a':{'bb':{}}}",
    })
    void followsTheRfcExamples(String original, String patch, String result) {
        assertThat(MergePatch.merge(json(original), json(patch))).isEqualTo(json(result));
    }

    @Test
    void mergesLabelsAndReplacesContainerListOfAPod() {
        ObjectNode pod = obj("{'metadata':{'name':'p','labels':{'app':'web','tier':'fe'}},"
                + "'spec':{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}}");
        ObjectNode patched = Patches.mergePatch(pod, json("{'metadata':{'labels':{'tier':null,'env':'prod'}},"
                + "'spec':{'containers':[{'name':'a','image':'a:2'}]}}"));
        assertThat(patched).isEqualTo(json("{'metadata':{'name':'p','labels':{'app':'web','env':'prod'}},"
                + "'spec':{'containers':[{'name':'a','image':'a:2'}]}}"));
    }

    @Test
    void neverChangesTheTargetOrThePatch() {
        ObjectNode target = obj("{'a':{'b':1}}");
        ObjectNode patch = obj("{'a':{'c':{'d':2}}}");
        ObjectNode result = Patches.mergePatch(target, patch);
        ((ObjectNode) result.get("a").get("c")).put("d", 3);
        assertThat(target).isEqualTo(json("{'a':{'b':1}}"));
        assertThat(patch).isEqualTo(json("{'a':{'c':{'d':2}}}"));
    }

    @Test
    void patchForAnObjectMustBeAnObject() {
        assertThatThrownBy(() -> Patches.mergePatch(obj("{'a':1}"), json("[1]")))
                .isExactlyInstanceOf(MalformedPatchException.class)
                .hasMessage("a merge patch for a Kubernetes object must be a JSON object, got an array");
    }
}
