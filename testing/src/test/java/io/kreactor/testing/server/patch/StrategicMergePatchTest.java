package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionKind;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static io.kreactor.testing.server.patch.Json.json;
import static io.kreactor.testing.server.patch.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrategicMergePatchTest {

    private static final GroupVersionKind DEPLOYMENT = new GroupVersionKind("apps", "v1", "Deployment");
    private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");

    private static final String DEPLOYMENT_JSON = "{'apiVersion':'apps/v1','kind':'Deployment',"
            + "'metadata':{'name':'web','labels':{'app':'web'},'finalizers':['a','b']},"
            + "'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},"
            + "'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1,'maxUnavailable':0}},"
            + "'template':{'metadata':{'labels':{'app':'web'}},'spec':{"
            + "'containers':[{'name':'app','image':'app:1','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],"
            + "'ports':[{'containerPort':8080,'protocol':'TCP'}]},{'name':'sidecar','image':'proxy:1'}],"
            + "'volumes':[{'name':'data','emptyDir':{}}],"
            + "'tolerations':[{'key':'k1','operator':'Exists'}]}}}}";

    private static ObjectNode deployment(String patch) {
        return Patches.strategicMergePatch(obj(DEPLOYMENT_JSON), json(patch), DEPLOYMENT);
    }

    private static java.util.List<String> names(JsonNode list) {
        java.util.List<String> names = new java.util.ArrayList<>();
        list.forEach(item -> names.add(item.get("name").asText()));
        return names;
    }

    private static JsonNode containers(ObjectNode deployment) {
        return deployment.at("/spec/template/spec/containers");
    }

    @Test
    void changesAContainerImageByNameAndKeepsEverythingElse() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','image':'proxy:2'}]}}}}");
        ObjectNode expected = obj(DEPLOYMENT_JSON);
        ((ObjectNode) expected.at("/spec/template/spec/containers/1")).put("image", "proxy:2");
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void addsChangesAndDeletesEnvVariablesByName() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'name':'app','env':["
                + "{'name':'B','value':'two'},{'name':'C','value':'3'},{'name':'A','$patch':'delete'}]}]}}}}");
        assertThat(containers(result).get(0).get("env"))
                .isEqualTo(json("[{'name':'B','value':'two'},{'name':'C','value':'3'}]"));
        assertThat(containers(result).get(0).get("image").asText()).isEqualTo("app:1");
    }

    @Test
    void deletesAContainerWithThePatchDeleteDirective() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','$patch':'delete'}]}}}}");
        assertThat(containers(result)).hasSize(1);
        assertThat(containers(result).get(0).get("name").asText()).isEqualTo("app");
    }

    @Test
    void putsANewContainerBeforeTheLiveOnlyOnesAsApimachineryDoes() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'name':'debug','image':'busybox'}]}}}}");
        assertThat(names(containers(result))).containsExactly("debug", "app", "sidecar");
    }

    @Test
    void keepsTheLiveOrderOfItemsThePatchMentionsInLiveOrder() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'name':'sidecar','image':'proxy:2'},{'name':'extra','image':'x'}]}}}}");
        assertThat(names(containers(result))).containsExactly("app", "sidecar", "extra");
    }

    @Test
    void setElementOrderOrdersTheMergedListAndNeverLandsInTheObject() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'app'},{'name':'sidecar'},{'name':'debug'}],"
                + "'containers':[{'name':'debug','image':'busybox'}]}}}}");
        assertThat(names(containers(result))).containsExactly("app", "sidecar", "debug");
        assertThat(result.at("/spec/template/spec").has("$setElementOrder/containers")).isFalse();
    }

    @Test
    void setElementOrderCanReorderWithoutChangingItems() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{"
                + "'$setElementOrder/containers':[{'name':'sidecar'},{'name':'app'}]}}}}");
        assertThat(names(containers(result))).containsExactly("sidecar", "app");
    }

    @Test
    void setElementOrderPutsANewItemFirstAndKeepsLiveFieldsOfTheOthers() {
        ObjectNode pod = obj("{'spec':{'containers':[{'name':'a','image':'a'},{'name':'b','image':'b'}]}}");
        ObjectNode result = Patches.strategicMergePatch(pod, json("{'spec':{'$setElementOrder/containers':[{'name':'c'},{'name':'a'},{'name':'b'}],"
                + "'containers':[{'name':'c','image':'c'}]}}"), POD);
        assertThat(result.at("/spec/containers")).isEqualTo(json("[{'name':'c','image':'c'},{'name':'a','image':'a'},{'name':'b','image':'b'}]"));
    }

    @Test
    void setElementOrderNamingItemsThatDoNotExistLeavesTheOthersAfterThePatchItems() {
        ObjectNode pod = obj("{'spec':{'containers':[{'name':'live'}]}}");
        ObjectNode result = Patches.strategicMergePatch(pod, json("{'spec':{'$setElementOrder/containers':[{'name':'new'},{'name':'ghost'}],"
                + "'containers':[{'name':'new'}]}}"), POD);
        assertThat(result.at("/spec/containers")).isEqualTo(json("[{'name':'new'},{'name':'live'}]"));
    }

    @Test
    void replaceDirectiveInAListMakesTheListExactlyThePatchItems() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'$patch':'replace'},{'name':'only','image':'o:1'}]}}}}");
        assertThat(containers(result)).isEqualTo(json("[{'name':'only','image':'o:1'}]"));
    }

    @Test
    void replaceDirectiveInAnObjectReplacesIt() {
        ObjectNode result = deployment("{'spec':{'template':{'metadata':{'labels':{'$patch':'replace','tier':'fe'}}}}}");
        assertThat(result.at("/spec/template/metadata/labels")).isEqualTo(json("{'tier':'fe'}"));
    }

    @Test
    void deleteDirectiveInAnObjectEmptiesIt() {
        ObjectNode result = deployment("{'spec':{'strategy':{'$patch':'delete'}}}");
        assertThat(result.at("/spec/strategy")).isEqualTo(json("{}"));
    }

    @Test
    void mergeDirectiveIsTheDefault() {
        assertThat(deployment("{'metadata':{'labels':{'$patch':'merge','tier':'fe'}}}").at("/metadata/labels"))
                .isEqualTo(json("{'app':'web','tier':'fe'}"));
    }

    @Test
    void retainKeysClearsFieldsItDoesNotList() {
        ObjectNode result = deployment("{'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}}");
        assertThat(result.at("/spec/strategy")).isEqualTo(json("{'type':'Recreate'}"));
    }

    @Test
    void retainKeysMustListEveryFieldThePatchSets() {
        assertThatThrownBy(() -> deployment("{'spec':{'strategy':{'$retainKeys':['type'],'type':'RollingUpdate','rollingUpdate':{'maxSurge':2}}}}"))
                .isExactlyInstanceOf(PatchException.class)
                .hasMessage("the patch sets field 'rollingUpdate' at 'spec.strategy' that its $retainKeys directive does not list");
    }

    @Test
    void finalizersMergeAsASet() {
        assertThat(deployment("{'metadata':{'finalizers':['c']}}").at("/metadata/finalizers")).isEqualTo(json("['c','a','b']"));
        assertThat(deployment("{'metadata':{'finalizers':['b','c','b']}}").at("/metadata/finalizers")).isEqualTo(json("['a','b','c']"));
    }

    @Test
    void deleteFromPrimitiveListRemovesValues() {
        ObjectNode result = deployment("{'metadata':{'$deleteFromPrimitiveList/finalizers':['a','zzz']}}");
        assertThat(result.at("/metadata/finalizers")).isEqualTo(json("['b']"));
        assertThat(result.get("metadata").has("$deleteFromPrimitiveList/finalizers")).isFalse();
    }

    @Test
    void setElementOrderOrdersPrimitiveLists() {
        ObjectNode result = deployment("{'metadata':{'$setElementOrder/finalizers':['c','b','a'],'finalizers':['c']}}");
        assertThat(result.at("/metadata/finalizers")).isEqualTo(json("['c','b','a']"));
    }

    @Test
    void listsWithoutAMergeKeyAreReplaced() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'tolerations':[{'key':'k2','operator':'Exists'}]}}}}");
        assertThat(result.at("/spec/template/spec/tolerations")).isEqualTo(json("[{'key':'k2','operator':'Exists'}]"));
    }

    @Test
    void containerPortsVolumesAndMountsMergeByTheirKeys() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{"
                + "'volumes':[{'name':'cache','emptyDir':{}}],"
                + "'containers':[{'name':'app','ports':[{'containerPort':8080,'name':'http'},{'containerPort':9090}],"
                + "'volumeMounts':[{'mountPath':'/cache','name':'cache'}]}]}}}}");
        assertThat(names(result.at("/spec/template/spec/volumes"))).containsExactly("cache", "data");
        assertThat(containers(result).get(0).get("ports"))
                .isEqualTo(json("[{'containerPort':8080,'protocol':'TCP','name':'http'},{'containerPort':9090}]"));
        assertThat(containers(result).get(0).get("volumeMounts")).isEqualTo(json("[{'mountPath':'/cache','name':'cache'}]"));
    }

    @Test
    void retainKeysInAVolumeSwitchesItsSource() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'volumes':[{'$retainKeys':['configMap','name'],'name':'data','configMap':{'name':'cm'}}]}}}}");
        assertThat(result.at("/spec/template/spec/volumes")).isEqualTo(json("[{'name':'data','configMap':{'name':'cm'}}]"));
    }

    @Test
    void scalarListsWithoutMergeStrategyAreReplaced() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'name':'app','args':['--b']}]}}}}");
        ObjectNode again = Patches.strategicMergePatch(result, json("{'spec':{'template':{'spec':{'containers':[{'name':'app','args':['--c']}]}}}}"), DEPLOYMENT);
        assertThat(again.at("/spec/template/spec/containers/0/args")).isEqualTo(json("['--c']"));
    }

    @Test
    void deletesAWholeFieldWithNullAndReplacesATypeMismatch() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'volumes':null}}},'metadata':{'labels':'oops'}}");
        assertThat(result.at("/spec/template/spec").has("volumes")).isFalse();
        assertThat(result.at("/metadata/labels").asText()).isEqualTo("oops");
    }

    @Test
    void nullDeletesAField() {
        assertThat(deployment("{'spec':{'replicas':null}}").get("spec").has("replicas")).isFalse();
    }

    @Test
    void directivesInsideNewContentAreResolvedNotCopied() {
        ObjectNode result = deployment("{'spec':{'template':{'spec':{'containers':[{'name':'new','env':[{'name':'X','$patch':'delete'},{'name':'Y','value':'y'}],"
                + "'resources':{'$patch':'replace','limits':{'cpu':'1'}}}]}}}}");
        assertThat(containers(result).get(0)).isEqualTo(json("{'name':'new','env':[{'name':'Y','value':'y'}],'resources':{'limits':{'cpu':'1'}}}"));
    }

    @Test
    void neverChangesTheTargetOrThePatch() {
        ObjectNode target = obj(DEPLOYMENT_JSON);
        ObjectNode patch = obj("{'spec':{'template':{'spec':{'containers':[{'name':'app','image':'app:2'},{'name':'sidecar','$patch':'delete'}]}}}}");
        ObjectNode patchCopy = patch.deepCopy();
        Patches.strategicMergePatch(target, patch, DEPLOYMENT);
        assertThat(target).isEqualTo(obj(DEPLOYMENT_JSON));
        assertThat(patch).isEqualTo(patchCopy);
    }

    @Test
    void podConditionsMergeByType() {
        ObjectNode pod = obj("{'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'Initialized','status':'True'}]}}");
        ObjectNode result = Patches.strategicMergePatch(pod, json("{'status':{'conditions':[{'type':'Ready','status':'True'}]}}"), POD);
        assertThat(result.at("/status/conditions"))
                .isEqualTo(json("[{'type':'Ready','status':'True'},{'type':'Initialized','status':'True'}]"));
    }

    @Test
    void ownerReferencesMergeByUidInPatchOrder() {
        ObjectNode pod = obj("{'metadata':{'ownerReferences':[{'uid':'1','kind':'ReplicaSet','name':'rs'}]}}");
        ObjectNode result = Patches.strategicMergePatch(pod, json("{'metadata':{'ownerReferences':[{'uid':'2','kind':'Node','name':'n'},{'uid':'1','controller':true}]}}"), POD);
        assertThat(result.at("/metadata/ownerReferences"))
                .isEqualTo(json("[{'uid':'2','kind':'Node','name':'n'},{'uid':'1','kind':'ReplicaSet','name':'rs','controller':true}]"));
    }

    @Test
    void cronJobPodTemplateContainersMergeByName() {
        GroupVersionKind cronJob = new GroupVersionKind("batch", "v1", "CronJob");
        ObjectNode target = obj("{'spec':{'jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}}}}}}");
        ObjectNode result = Patches.strategicMergePatch(target,
                json("{'spec':{'jobTemplate':{'spec':{'template':{'spec':{'containers':[{'name':'b','image':'b:2'}]}}}}}}"), cronJob);
        assertThat(result.at("/spec/jobTemplate/spec/template/spec/containers"))
                .isEqualTo(json("[{'name':'a','image':'a:1'},{'name':'b','image':'b:2'}]"));
    }

    @Test
    void servicePortsMergeByPort() {
        GroupVersionKind service = new GroupVersionKind("", "v1", "Service");
        ObjectNode target = obj("{'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443,'targetPort':8443}]}}");
        ObjectNode result = Patches.strategicMergePatch(target, json("{'spec':{'ports':[{'port':443,'targetPort':9443}]}}"), service);
        assertThat(result.at("/spec/ports")).isEqualTo(json("[{'port':80,'targetPort':8080},{'port':443,'targetPort':9443}]"));
    }

    @Test
    void kindsWithoutRulesStillMergeMapsAndReplaceLists() {
        GroupVersionKind configMap = new GroupVersionKind("", "v1", "ConfigMap");
        ObjectNode result = Patches.strategicMergePatch(obj("{'data':{'a':'1','b':'2'},'list':[1,2]}"),
                json("{'data':{'b':null,'c':'3'},'list':[3]}"), configMap);
        assertThat(result).isEqualTo(json("{'data':{'a':'1','c':'3'},'list':[3]}"));
    }

    @Nested
    class Failures {

        @Test
        void customResourcesDoNotSupportStrategicMerge() {
            GroupVersionKind widget = new GroupVersionKind("example.com", "v1", "Widget");
            assertThat(Patches.supportsStrategicMerge(widget)).isFalse();
            assertThat(Patches.supportsStrategicMerge(DEPLOYMENT)).isTrue();
            assertThat(Patches.supportsStrategicMerge(POD)).isTrue();
            assertThatThrownBy(() -> Patches.strategicMergePatch(obj("{}"), json("{}"), widget))
                    .isExactlyInstanceOf(UnsupportedPatchException.class)
                    .hasMessageStartingWith("strategic merge patch is not supported for example.com/v1, Kind=Widget")
                    .extracting(e -> ((PatchException) e).statusCode()).isEqualTo(415);
        }

        @Test
        void listItemsMustCarryTheirMergeKey() {
            assertThatThrownBy(() -> deployment("{'spec':{'template':{'spec':{'containers':[{'image':'x'}]}}}}"))
                    .isExactlyInstanceOf(PatchException.class)
                    .hasMessage("item 0 of the patch's list 'spec.template.spec.containers' does not contain its merge key 'name'");
        }

        @Test
        void deleteDirectiveNeedsTheMergeKey() {
            assertThatThrownBy(() -> deployment("{'spec':{'template':{'spec':{'containers':[{'$patch':'delete'}]}}}}"))
                    .isExactlyInstanceOf(PatchException.class)
                    .hasMessageContaining("has '$patch: delete' but no merge key 'name'");
        }

        @Test
        void keyedListItemsMustBeObjects() {
            assertThatThrownBy(() -> deployment("{'spec':{'template':{'spec':{'containers':['app']}}}}"))
                    .isExactlyInstanceOf(PatchException.class)
                    .hasMessageContaining("item 0 of the patch's list 'spec.template.spec.containers' is a string");
        }

        @Test
        void unknownDirectivesAreMalformed() {
            assertThatThrownBy(() -> deployment("{'spec':{'$patch':'shuffle'}}"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("unknown $patch directive 'shuffle' at 'spec': expected replace, delete or merge");
            assertThatThrownBy(() -> deployment("{'spec':{'template':{'spec':{'containers':[{'name':'app','$patch':'shuffle'}]}}}}"))
                    .isExactlyInstanceOf(MalformedPatchException.class);
        }

        @Test
        void directiveValuesMustBeLists() {
            assertThatThrownBy(() -> deployment("{'metadata':{'$deleteFromPrimitiveList/finalizers':'a'}}"))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessageContaining("must be a list, got a string");
            assertThatThrownBy(() -> deployment("{'spec':{'strategy':{'$retainKeys':'type'}}}"))
                    .isExactlyInstanceOf(MalformedPatchException.class);
            assertThatThrownBy(() -> deployment("{'metadata':{'$setElementOrder/finalizers':{}}}"))
                    .isExactlyInstanceOf(MalformedPatchException.class);
        }

        @Test
        void patchMustBeAnObject() {
            assertThatThrownBy(() -> Patches.strategicMergePatch(obj("{}"), json("[]"), DEPLOYMENT))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("a strategic merge patch must be a JSON object, got an array");
        }
    }
}
