package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.kreactor.testing.server.patch.Json.json;
import static io.kreactor.testing.server.patch.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonPatchTest {

    private static ObjectNode patch(String target, String patch) {
        return Patches.jsonPatch(obj(target), json(patch));
    }

    /** The examples of RFC 6902 appendix A. */
    @Nested
    class Rfc6902Examples {

        @Test
        void a1AddsAnObjectMember() {
            assertThat(patch("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux'}]"))
                    .isEqualTo(json("{'baz':'qux','foo':'bar'}"));
        }

        @Test
        void a2AddsAnArrayElement() {
            assertThat(patch("{'foo':['bar','baz']}", "[{'op':'add','path':'/foo/1','value':'qux'}]"))
                    .isEqualTo(json("{'foo':['bar','qux','baz']}"));
        }

        @Test
        void a3RemovesAnObjectMember() {
            assertThat(patch("{'baz':'qux','foo':'bar'}", "[{'op':'remove','path':'/baz'}]"))
                    .isEqualTo(json("{'foo':'bar'}"));
        }

        @Test
        void a4RemovesAnArrayElement() {
            assertThat(patch("{'foo':['bar','qux','baz']}", "[{'op':'remove','path':'/foo/1'}]"))
                    .isEqualTo(json("{'foo':['bar','baz']}"));
        }

        @Test
        void a5ReplacesAValue() {
            assertThat(patch("{'baz':'qux','foo':'bar'}", "[{'op':'replace','path':'/baz','value':'boo'}]"))
                    .isEqualTo(json("{'baz':'boo','foo':'bar'}"));
        }

        @Test
        void a6MovesAValue() {
            assertThat(patch("{'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}}",
                    "[{'op':'move','from':'/foo/waldo','path':'/qux/thud'}]"))
                    .isEqualTo(json("{'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}"));
        }

        @Test
        void a7MovesAnArrayElement() {
            assertThat(patch("{'foo':['all','grass','cows','eat']}", "[{'op':'move','from':'/foo/1','path':'/foo/3'}]"))
                    .isEqualTo(json("{'foo':['all','cows','eat','grass']}"));
        }

        @Test
        void a8SucceedingTestsLeaveTheDocumentUnchanged() {
            assertThat(patch("{'baz':'qux','foo':['a',2,'c']}",
                    "[{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}]"))
                    .isEqualTo(json("{'baz':'qux','foo':['a',2,'c']}"));
        }

        @Test
        void a9FailingTestIsAnErrorNamingTheOperation() {
            assertThatThrownBy(() -> patch("{'baz':'qux'}", "[{'op':'test','path':'/baz','value':'bar'}]"))
                    .isExactlyInstanceOf(PatchException.class)
                    .hasMessage("JSON patch operation 0 (test /baz) failed: the value at '/baz' is not equal to the expected value");
        }

        @Test
        void a10AddsANestedMemberObject() {
            assertThat(patch("{'foo':'bar'}", "[{'op':'add','path':'/child','value':{'grandchild':{}}}]"))
                    .isEqualTo(json("{'foo':'bar','child':{'grandchild':{}}}"));
        }

        @Test
        void a11IgnoresUnrecognizedMembersOfAnOperation() {
            assertThat(patch("{'foo':'bar'}", "[{'op':'add','path':'/baz','value':'qux','xyz':123}]"))
                    .isEqualTo(json("{'foo':'bar','baz':'qux'}"));
        }

        @Test
        void a12AddingToANonexistentTargetFails() {
            assertThatThrownBy(() -> patch("{'foo':'bar'}", "[{'op':'add','path':'/baz/bat','value':'qux'}]"))
                    .isInstanceOf(PatchException.class)
                    .hasMessage("JSON patch operation 0 (add /baz/bat) failed: the parent of the path does not exist");
        }

        @Test
        void a14UnescapesTildeOneBeforeTildeZero() {
            assertThat(patch("{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':10}]"))
                    .isEqualTo(json("{'/':9,'~1':10}"));
        }

        @Test
        void a15StringsAndNumbersAreNotEqual() {
            assertThatThrownBy(() -> patch("{'/':9,'~1':10}", "[{'op':'test','path':'/~01','value':'10'}]"))
                    .isExactlyInstanceOf(PatchException.class)
                    .hasMessageContaining("operation 0 (test /~01) failed");
        }

        @Test
        void a16AddsAnArrayValueAtTheEnd() {
            assertThat(patch("{'foo':['bar']}", "[{'op':'add','path':'/foo/-','value':['abc','def']}]"))
                    .isEqualTo(json("{'foo':['bar',['abc','def']]}"));
        }
    }

    @Test
    void replacesReplicasOfADeployment() {
        assertThat(patch("{'kind':'Deployment','spec':{'replicas':1}}",
                "[{'op':'test','path':'/spec/replicas','value':1},{'op':'replace','path':'/spec/replicas','value':3}]"))
                .isEqualTo(json("{'kind':'Deployment','spec':{'replicas':3}}"));
    }

    @Test
    void addsALabelWhoseKeyContainsASlash() {
        assertThat(patch("{'metadata':{'labels':{}}}",
                "[{'op':'add','path':'/metadata/labels/app.kubernetes.io~1name','value':'web'}]"))
                .isEqualTo(json("{'metadata':{'labels':{'app.kubernetes.io/name':'web'}}}"));
    }

    @Test
    void copiesAValueDeeply() {
        ObjectNode result = patch("{'a':{'b':[1]}}", "[{'op':'copy','from':'/a','path':'/c'},{'op':'add','path':'/c/b/-','value':2}]");
        assertThat(result).isEqualTo(json("{'a':{'b':[1]},'c':{'b':[1,2]}}"));
    }

    @Test
    void neverChangesTheTargetEvenWhenALaterOperationFails() {
        ObjectNode target = obj("{'a':1,'list':[1,2]}");
        assertThatThrownBy(() -> Patches.jsonPatch(target,
                json("[{'op':'replace','path':'/a','value':2},{'op':'remove','path':'/list/0'},{'op':'test','path':'/a','value':1}]")))
                .isInstanceOf(PatchException.class)
                .hasMessageContaining("operation 2 (test /a)");
        assertThat(target).isEqualTo(json("{'a':1,'list':[1,2]}"));
    }

    @Test
    void testComparesNumbersByValueAndObjectsRegardlessOfOrder() {
        assertThat(patch("{'n':1,'o':{'x':1,'y':[1.0]}}",
                "[{'op':'test','path':'/n','value':1.0},{'op':'test','path':'/o','value':{'y':[1],'x':1}}]"))
                .isEqualTo(json("{'n':1,'o':{'x':1,'y':[1.0]}}"));
    }

    @Test
    void testOfAMissingPathFails() {
        assertThatThrownBy(() -> patch("{}", "[{'op':'test','path':'/spec/replicas','value':1}]"))
                .isExactlyInstanceOf(PatchException.class)
                .hasMessage("JSON patch operation 0 (test /spec/replicas) failed: the path does not exist");
    }

    @Test
    void removingAMissingMemberFails() {
        assertThatThrownBy(() -> patch("{'a':1}", "[{'op':'remove','path':'/b'}]"))
                .isExactlyInstanceOf(PatchException.class)
                .hasMessage("JSON patch operation 0 (remove /b) failed: the path does not exist");
    }

    @Test
    void replacingAMissingMemberFails() {
        assertThatThrownBy(() -> patch("{'a':1}", "[{'op':'replace','path':'/b','value':1}]"))
                .isExactlyInstanceOf(PatchException.class)
                .hasMessageContaining("(replace /b) failed: the path does not exist");
    }

    @Test
    void addMayAppendAtTheArraySizeButNotBeyond() {
        assertThat(patch("{'a':[1]}", "[{'op':'add','path':'/a/1','value':2}]")).isEqualTo(json("{'a':[1,2]}"));
        assertThatThrownBy(() -> patch("{'a':[1]}", "[{'op':'add','path':'/a/2','value':2}]"))
                .isExactlyInstanceOf(PatchException.class)
                .hasMessage("JSON patch operation 0 (add /a/2) failed: array index 2 is out of bounds (the array has 1 elements)");
    }

    @Test
    void replaceAndRemoveRejectTheIndexPastTheEnd() {
        assertThatThrownBy(() -> patch("{'a':[1]}", "[{'op':'replace','path':'/a/1','value':2}]"))
                .hasMessageContaining("array index 1 is out of bounds");
        assertThatThrownBy(() -> patch("{'a':[1]}", "[{'op':'remove','path':'/a/-'}]"))
                .hasMessageContaining("'-' is not a valid array index");
    }

    @Test
    void rejectsIndicesWithLeadingZerosOrSigns() {
        assertThatThrownBy(() -> patch("{'a':[1,2]}", "[{'op':'remove','path':'/a/01'}]"))
                .hasMessageContaining("'01' is not a valid array index");
        assertThatThrownBy(() -> patch("{'a':[1,2]}", "[{'op':'remove','path':'/a/-1'}]"))
                .hasMessageContaining("'-1' is not a valid array index");
    }

    @Test
    void cannotMoveAValueIntoItsOwnChild() {
        assertThatThrownBy(() -> patch("{'a':{'b':1}}", "[{'op':'move','from':'/a','path':'/a/c'}]"))
                .isExactlyInstanceOf(PatchException.class)
                .hasMessageContaining("cannot move '/a' into one of its own children");
    }

    @Test
    void movingAValueOntoItselfKeepsIt() {
        assertThat(patch("{'a':{'b':1}}", "[{'op':'move','from':'/a','path':'/a'}]")).isEqualTo(json("{'a':{'b':1}}"));
    }

    @Test
    void replacingTheWholeObjectWithAnObjectWorksButNotWithAScalar() {
        assertThat(patch("{'a':1}", "[{'op':'replace','path':'','value':{'b':2}}]")).isEqualTo(json("{'b':2}"));
        assertThatThrownBy(() -> patch("{'a':1}", "[{'op':'replace','path':'','value':3}]"))
                .isExactlyInstanceOf(PatchException.class)
                .hasMessageContaining("replaced the whole object with a number");
    }

    @Test
    void descendingIntoAScalarFails() {
        assertThatThrownBy(() -> patch("{'a':1}", "[{'op':'add','path':'/a/b','value':2}]"))
                .hasMessage("JSON patch operation 0 (add /a/b) failed: the parent of the path is a number, not an object or an array");
    }

    @Nested
    class MalformedPatches {

        @Test
        void patchMustBeAnArray() {
            assertThatThrownBy(() -> patch("{}", "{'op':'add'}"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("a JSON patch must be an array of operations, got an object")
                    .extracting(e -> ((PatchException) e).statusCode()).isEqualTo(400);
        }

        @Test
        void operationNeedsAnOpAndAPath() {
            assertThatThrownBy(() -> patch("{}", "[{'path':'/a','value':1}]"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("JSON patch operation 0 must have a string 'op'");
            assertThatThrownBy(() -> patch("{}", "[{'op':'add','path':'/a','value':1},{'op':'add','value':1}]"))
                    .hasMessage("JSON patch operation 1 must have a string 'path'");
        }

        @Test
        void valueIsRequiredForAddReplaceAndTestButMayBeNull() {
            assertThatThrownBy(() -> patch("{}", "[{'op':'add','path':'/a'}]"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("JSON patch operation 0 (add) must have a 'value'");
            assertThat(patch("{}", "[{'op':'add','path':'/a','value':null}]")).isEqualTo(json("{'a':null}"));
        }

        @Test
        void moveAndCopyNeedFrom() {
            assertThatThrownBy(() -> patch("{'a':1}", "[{'op':'copy','path':'/b'}]"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("JSON patch operation 0 must have a string 'from'");
        }

        @Test
        void unknownOperationsAreRejected() {
            assertThatThrownBy(() -> patch("{}", "[{'op':'increment','path':'/a'}]"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessageContaining("unknown op 'increment'");
        }

        @Test
        void pointersMustStartWithASlashAndUseValidEscapes() {
            assertThatThrownBy(() -> patch("{}", "[{'op':'add','path':'a','value':1}]"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessageContaining("'a' is not a JSON pointer");
            assertThatThrownBy(() -> patch("{}", "[{'op':'add','path':'/a~2','value':1}]"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessageContaining("invalid escape");
        }
    }
}
