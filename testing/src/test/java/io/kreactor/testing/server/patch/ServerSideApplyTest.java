package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kreactor.testing.server.patch.Json.json;
import static io.kreactor.testing.server.patch.Json.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ServerSideApplyTest {

    private static final String T1 = "2026-01-01T00:00:00Z";
    private static final String T2 = "2026-01-01T00:01:00Z";
    private static final String T3 = "2026-01-01T00:02:00Z";

    private static ObjectNode deployment(String spec) {
        return obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','namespace':'default'},'spec':" + spec + "}");
    }

    private static ManagedFieldsEntry entry(JsonNode object, String manager, String operation) {
        return ServerSideApply.managedFields(object).stream()
                .filter(e -> e.manager().equals(manager) && e.operation().equals(operation))
                .findFirst().orElseThrow(() -> new AssertionError("no " + operation + " entry for " + manager + " in " + object));
    }

    private static List<String> owned(JsonNode object, String manager, String operation) {
        return entry(object, manager, operation).fields().renderedPaths();
    }

    @Nested
    class Create {

        @Test
        void recordsTheAppliedFieldsInFieldsV1() {
            ObjectNode applied = obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web','labels':{'app':'web'}},"
                    + "'spec':{'replicas':2,'selector':{'matchLabels':{'app':'web'}},'template':{'metadata':{'labels':{'app':'web'}},"
                    + "'spec':{'containers':[{'name':'nginx','image':'nginx:1','ports':[{'containerPort':80}]}]}}}}");
            ObjectNode result = ServerSideApply.apply(null, applied, "kubectl", false, T1);

            JsonNode managed = result.at("/metadata/managedFields");
            assertThat(managed).hasSize(1);
            assertThat(managed.get(0)).isEqualTo(json("{'manager':'kubectl','operation':'Apply','apiVersion':'apps/v1',"
                    + "'time':'2026-01-01T00:00:00Z','fieldsType':'FieldsV1','fieldsV1':{"
                    + "'f:metadata':{'f:labels':{'f:app':{}}},"
                    + "'f:spec':{'f:replicas':{},'f:selector':{},'f:template':{'f:metadata':{'f:labels':{'f:app':{}}},"
                    + "'f:spec':{'f:containers':{'k:{\"name\":\"nginx\"}':{'.':{},'f:image':{},'f:name':{},"
                    + "'f:ports':{'k:{\"containerPort\":80,\"protocol\":\"TCP\"}':{'.':{},'f:containerPort':{}}}}}}}}}}"));
            ObjectNode withoutManaged = result.deepCopy();
            ((ObjectNode) withoutManaged.get("metadata")).remove("managedFields");
            assertThat(withoutManaged).isEqualTo(applied);
        }

        @Test
        void neverOwnsServerFields() {
            ObjectNode applied = obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','namespace':'ns','uid':'u',"
                    + "'resourceVersion':'5','generation':1,'creationTimestamp':'x'},'data':{'k':'v'}}");
            ObjectNode result = ServerSideApply.apply(null, applied, "mgr", false, T1);
            assertThat(owned(result, "mgr", "Apply")).containsExactly(".data.k");
        }

        @Test
        void finalizersAreASetAndCustomResourceListsAreAtomic() {
            ObjectNode applied = obj("{'apiVersion':'example.com/v1','kind':'Widget','metadata':{'name':'w','finalizers':['a','b']},"
                    + "'spec':{'items':[{'name':'x'}],'size':3,'empty':{}}}");
            ObjectNode result = ServerSideApply.apply(null, applied, "mgr", false, T1);
            assertThat(result.at("/metadata/managedFields/0/fieldsV1")).isEqualTo(json("{'f:metadata':{'f:finalizers':{'v:\"a\"':{},'v:\"b\"':{}}},"
                    + "'f:spec':{'f:empty':{},'f:items':{},'f:size':{}}}"));
            assertThat(owned(result, "mgr", "Apply"))
                    .containsExactly(".metadata.finalizers[=\"a\"]", ".metadata.finalizers[=\"b\"]", ".spec.empty", ".spec.items", ".spec.size");
        }
    }

    @Nested
    class Update {

        @Test
        void mergesIntoTheLiveObjectAndKeepsFieldsOfOthers() {
            ObjectNode live = ServerSideApply.recordUpdate(null, deployment("{'replicas':1,'paused':false}"), "ctl", T1);
            ObjectNode result = ServerSideApply.apply(live, deployment("{'minReadySeconds':5}"), "kubectl", false, T2);
            assertThat(result.get("spec")).isEqualTo(json("{'replicas':1,'paused':false,'minReadySeconds':5}"));
            assertThat(owned(result, "kubectl", "Apply")).containsExactly(".spec.minReadySeconds");
            assertThat(owned(result, "ctl", "Update")).contains(".spec.replicas", ".spec.paused");
        }

        @Test
        void reapplyingTheSameConfigurationChangesNothingAndKeepsTheTime() {
            ObjectNode applied = deployment("{'replicas':2}");
            ObjectNode first = ServerSideApply.apply(null, applied, "kubectl", false, T1);
            ObjectNode second = ServerSideApply.apply(first, applied, "kubectl", false, T2);
            assertThat(second).isEqualTo(first);
        }

        @Test
        void changedConfigurationUpdatesTheValueAndTheTime() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'replicas':2}"), "kubectl", false, T1);
            ObjectNode second = ServerSideApply.apply(first, deployment("{'replicas':4}"), "kubectl", false, T2);
            assertThat(second.at("/spec/replicas").asInt()).isEqualTo(4);
            assertThat(entry(second, "kubectl", "Apply").time()).isEqualTo(T2);
        }

        @Test
        void removesFieldsTheApplierNoLongerSpecifies() {
            ObjectNode first = ServerSideApply.apply(null, obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                    + "'labels':{'app':'web','tier':'fe'}},'spec':{'replicas':2,'paused':true}}"), "kubectl", false, T1);
            ObjectNode second = ServerSideApply.apply(first, obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
                    + "'labels':{'app':'web'}},'spec':{'replicas':2}}"), "kubectl", false, T2);
            assertThat(second.at("/metadata/labels")).isEqualTo(json("{'app':'web'}"));
            assertThat(second.get("spec")).isEqualTo(json("{'replicas':2}"));
            assertThat(owned(second, "kubectl", "Apply")).containsExactly(".metadata.labels.app", ".spec.replicas");
        }

        @Test
        void removesAContainerTheApplierDroppedButKeepsOthersContainers() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'template':{'spec':{'containers':[{'name':'app','image':'a:1'}]}}}"),
                    "kubectl", false, T1);
            ObjectNode second = ServerSideApply.apply(first, deployment("{'template':{'spec':{'containers':[{'name':'sidecar','image':'s:1'}]}}}"),
                    "injector", false, T2);
            assertThat(second.at("/spec/template/spec/containers")).isEqualTo(json("[{'name':'app','image':'a:1'},{'name':'sidecar','image':'s:1'}]"));

            ObjectNode third = ServerSideApply.apply(second, deployment("{'template':{'spec':{'containers':[]}}}"), "kubectl", false, T3);
            assertThat(third.at("/spec/template/spec/containers")).isEqualTo(json("[{'name':'sidecar','image':'s:1'}]"));
        }

        @Test
        void keepsADroppedListItemWithTheFieldsAnotherManagerOwns() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'template':{'spec':{'containers':[{'name':'app','image':'a:1','args':['x']}]}}}"),
                    "kubectl", false, T1);
            ObjectNode edited = first.deepCopy();
            ((ObjectNode) edited.at("/spec/template/spec/containers/0")).put("image", "a:2");
            ObjectNode second = ServerSideApply.recordUpdate(first, edited, "kubectl-edit", T2);
            ObjectNode third = ServerSideApply.apply(second, deployment("{'replicas':1}"), "kubectl", false, T3);
            assertThat(third.at("/spec/template/spec/containers")).isEqualTo(json("[{'name':'app','image':'a:2'}]"));
            assertThat(third.at("/spec/replicas").asInt()).isEqualTo(1);
        }

        @Test
        void explicitNullRemovesAField() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'replicas':2,'paused':true}"), "kubectl", false, T1);
            ObjectNode second = ServerSideApply.apply(first, deployment("{'replicas':2,'paused':null}"), "kubectl", false, T2);
            assertThat(second.get("spec")).isEqualTo(json("{'replicas':2}"));
        }

        @Test
        void atomicListsAndSelectorsAreReplacedWhole() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'selector':{'matchLabels':{'a':'1','b':'2'}},"
                    + "'template':{'spec':{'tolerations':[{'key':'k1'},{'key':'k2'}]}}}"), "kubectl", false, T1);
            ObjectNode second = ServerSideApply.apply(first, deployment("{'selector':{'matchLabels':{'a':'1'}},"
                    + "'template':{'spec':{'tolerations':[{'key':'k3'}]}}}"), "kubectl", false, T2);
            assertThat(second.at("/spec/selector")).isEqualTo(json("{'matchLabels':{'a':'1'}}"));
            assertThat(second.at("/spec/template/spec/tolerations")).isEqualTo(json("[{'key':'k3'}]"));
        }

        @Test
        void ordersMergedListsByTheAppliedOrderAroundLiveOnlyItems() {
            ObjectNode live = ServerSideApply.recordUpdate(null, deployment("{'template':{'spec':{'containers':[{'name':'a'},{'name':'b'}]}}}"), "ctl", T1);
            ObjectNode result = ServerSideApply.apply(live, deployment("{'template':{'spec':{'containers':[{'name':'c'},{'name':'a'}]}}}"),
                    "kubectl", false, T2);
            assertThat(result.at("/spec/template/spec/containers")).isEqualTo(json("[{'name':'c'},{'name':'a'},{'name':'b'}]"));
            assertThat(ApplyMerge.order(List.of("a", "b"), List.of("d"))).containsExactly("a", "b", "d");
        }

        @Test
        void neverChangesItsInputs() {
            ObjectNode live = ServerSideApply.apply(null, deployment("{'replicas':1}"), "a", false, T1);
            ObjectNode liveCopy = live.deepCopy();
            ObjectNode applied = deployment("{'replicas':2,'paused':true}");
            ObjectNode appliedCopy = applied.deepCopy();
            ServerSideApply.apply(live, applied, "a", false, T2);
            assertThat(live).isEqualTo(liveCopy);
            assertThat(applied).isEqualTo(appliedCopy);
        }
    }

    @Nested
    class Ownership {

        @Test
        void applyingTheSameValueSharesOwnershipAndTheFieldStaysUntilTheLastOwnerLetsGo() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'replicas':3,'paused':true}"), "a", false, T1);
            ObjectNode shared = ServerSideApply.apply(first, deployment("{'replicas':3}"), "b", false, T2);
            assertThat(owned(shared, "a", "Apply")).contains(".spec.replicas");
            assertThat(owned(shared, "b", "Apply")).containsExactly(".spec.replicas");

            ObjectNode aLetGo = ServerSideApply.apply(shared, deployment("{'paused':true}"), "a", false, T3);
            assertThat(aLetGo.at("/spec/replicas").asInt()).isEqualTo(3);

            ObjectNode bLetGo = ServerSideApply.apply(aLetGo, deployment("{'minReadySeconds':1}"), "b", false, T3);
            assertThat(bLetGo.get("spec")).isEqualTo(json("{'paused':true,'minReadySeconds':1}"));
        }

        @Test
        void changingAFieldAnotherApplierOwnsConflicts() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'replicas':3}"), "a", false, T1);
            assertThatThrownBy(() -> ServerSideApply.apply(first, deployment("{'replicas':5}"), "b", false, T2))
                    .isInstanceOfSatisfying(ApplyConflictException.class, e -> {
                        assertThat(e).hasMessage("Apply failed with 1 conflict: conflict with \"a\": .spec.replicas");
                        assertThat(e.statusCode()).isEqualTo(409);
                        assertThat(e.conflicts()).extracting(Conflict::manager, Conflict::field, Conflict::message)
                                .containsExactly(tuple("a", ".spec.replicas", "conflict with \"a\""));
                    });
        }

        @Test
        void forceTakesOwnership() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'replicas':3,'paused':true}"), "a", false, T1);
            ObjectNode forced = ServerSideApply.apply(first, deployment("{'replicas':5}"), "b", true, T2);
            assertThat(forced.at("/spec/replicas").asInt()).isEqualTo(5);
            assertThat(owned(forced, "a", "Apply")).containsExactly(".spec.paused");
            assertThat(owned(forced, "b", "Apply")).containsExactly(".spec.replicas");

            ObjectNode aReapplies = ServerSideApply.apply(forced, deployment("{'paused':true}"), "a", false, T3);
            assertThat(aReapplies.at("/spec/replicas").asInt()).isEqualTo(5);
        }

        @Test
        void listsEveryConflictGroupedByOwnerWithUpdatersNamedByApiVersion() {
            ObjectNode first = ServerSideApply.apply(null, deployment("{'replicas':3,'paused':true,'template':{'spec':{'containers':[{'name':'app','image':'a:1'}]}}}"),
                    "a", false, T1);
            ObjectNode scaled = first.deepCopy();
            ((ObjectNode) scaled.get("spec")).put("minReadySeconds", 9);
            ObjectNode updated = ServerSideApply.recordUpdate(first, scaled, "hpa", T2);
            assertThatThrownBy(() -> ServerSideApply.apply(updated,
                    deployment("{'replicas':4,'paused':false,'minReadySeconds':1,'template':{'spec':{'containers':[{'name':'app','image':'a:2'}]}}}"),
                    "b", false, T3))
                    .isInstanceOfSatisfying(ApplyConflictException.class, e -> {
                        assertThat(e).hasMessage("Apply failed with 4 conflicts: conflicts with \"a\":\n"
                                + "- .spec.paused\n- .spec.replicas\n- .spec.template.spec.containers[name=\"app\"].image\n"
                                + "conflicts with \"hpa\" using apps/v1:\n- .spec.minReadySeconds");
                        assertThat(e.conflicts()).hasSize(4);
                        assertThat(e.conflicts().get(3).message()).isEqualTo("conflict with \"hpa\" using apps/v1");
                    });
        }

        @Test
        void anUpdateTakesTheFieldsItChangesFromTheApplier() {
            ObjectNode applied = ServerSideApply.apply(null, deployment("{'replicas':3,'paused':true}"), "kubectl", false, T1);
            ObjectNode scaled = applied.deepCopy();
            ((ObjectNode) scaled.get("spec")).put("replicas", 7);
            ObjectNode updated = ServerSideApply.recordUpdate(applied, scaled, "kube-controller-manager", T2);
            assertThat(owned(updated, "kubectl", "Apply")).containsExactly(".spec.paused");
            assertThat(owned(updated, "kube-controller-manager", "Update")).containsExactly(".spec.replicas");
            assertThat(entry(updated, "kube-controller-manager", "Update").apiVersion()).isEqualTo("apps/v1");

            assertThatThrownBy(() -> ServerSideApply.apply(updated, deployment("{'replicas':3,'paused':true}"), "kubectl", false, T3))
                    .hasMessage("Apply failed with 1 conflict: conflict with \"kube-controller-manager\" using apps/v1: .spec.replicas");
        }

        @Test
        void objectsWithoutManagedFieldsBelongToBeforeFirstApply() {
            ObjectNode live = deployment("{'replicas':1,'paused':true}");
            assertThatThrownBy(() -> ServerSideApply.apply(live, deployment("{'replicas':2}"), "kubectl", false, T1))
                    .hasMessage("Apply failed with 1 conflict: conflict with \"before-first-apply\" using apps/v1: .spec.replicas");
            ObjectNode agreed = ServerSideApply.apply(live, deployment("{'replicas':1}"), "kubectl", false, T1);
            assertThat(owned(agreed, "before-first-apply", "Update")).contains(".spec.replicas", ".spec.paused");
            assertThat(owned(agreed, "kubectl", "Apply")).containsExactly(".spec.replicas");
        }

        @Test
        void entriesAreOrderedApplyFirstThenByTime() {
            ObjectNode first = ServerSideApply.recordUpdate(null, deployment("{'replicas':1}"), "creator", T1);
            ObjectNode second = ServerSideApply.apply(first, deployment("{'paused':true}"), "z-applier", false, T2);
            ObjectNode third = ServerSideApply.apply(second, deployment("{'minReadySeconds':2}"), "a-applier", false, T3);
            assertThat(ServerSideApply.managedFields(third)).extracting(ManagedFieldsEntry::manager, ManagedFieldsEntry::operation)
                    .containsExactly(tuple("z-applier", "Apply"), tuple("a-applier", "Apply"), tuple("creator", "Update"));
        }
    }

    @Nested
    class RecordUpdate {

        @Test
        void createOwnsEveryFieldIncludingNewObjectsAndListItems() {
            ObjectNode created = ServerSideApply.recordUpdate(null, obj("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','labels':{'app':'x'}},"
                    + "'spec':{'containers':[{'name':'c','image':'i'}]}}"), "kubectl-create", T1);
            ManagedFieldsEntry entry = entry(created, "kubectl-create", "Update");
            assertThat(entry.time()).isEqualTo(T1);
            assertThat(entry.apiVersion()).isEqualTo("v1");
            assertThat(created.at("/metadata/managedFields/0/fieldsV1")).isEqualTo(json("{"
                    + "'f:metadata':{'f:labels':{'.':{},'f:app':{}}},"
                    + "'f:spec':{'f:containers':{'.':{},'k:{\"name\":\"c\"}':{'.':{},'f:image':{},'f:name':{}}}}}"));
        }

        @Test
        void removedFieldsLeaveEveryManager() {
            ObjectNode applied = ServerSideApply.apply(null, deployment("{'replicas':3,'paused':true}"), "kubectl", false, T1);
            ObjectNode without = applied.deepCopy();
            ((ObjectNode) without.get("spec")).remove("paused");
            ObjectNode updated = ServerSideApply.recordUpdate(applied, without, "editor", T2);
            assertThat(owned(updated, "kubectl", "Apply")).containsExactly(".spec.replicas");
            assertThat(ServerSideApply.managedFields(updated)).extracting(ManagedFieldsEntry::manager).containsExactly("kubectl");
        }

        @Test
        void aWriteThatChangesNothingKeepsTheManagersTime() {
            ObjectNode first = ServerSideApply.recordUpdate(null, deployment("{'replicas':1}"), "ctl", T1);
            ObjectNode second = ServerSideApply.recordUpdate(first, first, "ctl", T2);
            assertThat(entry(second, "ctl", "Update").time()).isEqualTo(T1);
            assertThat(second).isEqualTo(first);
        }

        @Test
        void theManagerKeepsFieldsItOwnedBefore() {
            ObjectNode first = ServerSideApply.recordUpdate(null, deployment("{'replicas':1}"), "ctl", T1);
            ObjectNode changed = first.deepCopy();
            ((ObjectNode) changed.get("spec")).put("paused", true);
            ObjectNode second = ServerSideApply.recordUpdate(first, changed, "ctl", T2);
            assertThat(owned(second, "ctl", "Update")).contains(".spec.replicas", ".spec.paused");
            assertThat(entry(second, "ctl", "Update").time()).isEqualTo(T2);
        }

        @Test
        void clientsThatDropManagedFieldsCannotEraseThemButAnEmptyListResetsThem() {
            ObjectNode applied = ServerSideApply.apply(null, deployment("{'replicas':3}"), "kubectl", false, T1);
            ObjectNode withoutManaged = applied.deepCopy();
            ((ObjectNode) withoutManaged.get("metadata")).remove("managedFields");
            ObjectNode kept = ServerSideApply.recordUpdate(applied, withoutManaged, "other", T2);
            assertThat(owned(kept, "kubectl", "Apply")).containsExactly(".spec.replicas");

            ObjectNode reset = applied.deepCopy();
            ((ObjectNode) reset.get("metadata")).putArray("managedFields");
            ObjectNode afterReset = ServerSideApply.recordUpdate(applied, reset, "other", T2);
            assertThat(afterReset.at("/metadata/managedFields").isMissingNode()).isTrue();
        }

        @Test
        void resetFieldsAreNeitherAppliedNorOwned() {
            ObjectNode live = ServerSideApply.recordUpdate(null, obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                    + "'spec':{'replicas':1},'status':{'replicas':1}}"), "ctl", T1);
            ObjectNode applied = obj("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web'},"
                    + "'spec':{'replicas':2},'status':{'replicas':9}}");
            ObjectNode result = ServerSideApply.apply(live, applied, "kubectl", true, T2, "", java.util.Set.of("status"));
            assertThat(result.at("/status/replicas").asInt()).isEqualTo(1);
            assertThat(result.at("/spec/replicas").asInt()).isEqualTo(2);
            assertThat(owned(result, "kubectl", "Apply")).containsExactly(".spec.replicas");
            assertThat(applied.at("/status/replicas").asInt()).isEqualTo(9);
        }

        @Test
        void statusWritesAreTaggedWithTheirSubresource() {
            ObjectNode live = ServerSideApply.recordUpdate(null, deployment("{'replicas':1}"), "ctl", T1);
            ObjectNode withStatus = live.deepCopy();
            withStatus.putObject("status").put("readyReplicas", 1);
            ObjectNode updated = ServerSideApply.recordUpdate(live, withStatus, "kube-controller-manager", T2, "status");
            ManagedFieldsEntry status = entry(updated, "kube-controller-manager", "Update");
            assertThat(status.subresource()).isEqualTo("status");
            assertThat(updated.at("/metadata/managedFields").findValuesAsText("subresource")).containsExactly("status");
        }
    }

    @Nested
    class Malformed {

        @Test
        void appliedConfigurationMustNotCarryManagedFields() {
            ObjectNode applied = obj("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c','managedFields':[]}}");
            assertThatThrownBy(() -> ServerSideApply.apply(null, applied, "m", false, T1))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("metadata.managedFields must be nil in an applied configuration");
        }

        @Test
        void appliedConfigurationNeedsApiVersionAndKind() {
            assertThatThrownBy(() -> ServerSideApply.apply(null, obj("{'metadata':{'name':'c'}}"), "m", false, T1))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessage("an applied configuration must set apiVersion and kind");
        }

        @Test
        void malformedApiVersionIsRejected() {
            assertThatThrownBy(() -> ServerSideApply.apply(null, obj("{'apiVersion':'a/b/c','kind':'X'}"), "m", false, T1))
                    .isExactlyInstanceOf(MalformedPatchException.class)
                    .hasMessageContaining("malformed apiVersion 'a/b/c'");
        }

        @Test
        void mapListItemsNeedTheirKeyFields() {
            assertThatThrownBy(() -> ServerSideApply.apply(null, deployment("{'template':{'spec':{'containers':[{'image':'x'}]}}}"), "m", false, T1))
                    .isExactlyInstanceOf(PatchException.class)
                    .hasMessage(".spec.template.spec.containers: associative list with keys has an element that omits key field \"name\" (and doesn't have default value)");
        }

        @Test
        void mapListItemsMustBeUnique() {
            assertThatThrownBy(() -> ServerSideApply.apply(null, deployment("{'template':{'spec':{'containers':[{'name':'a'},{'name':'a'}]}}}"), "m", false, T1))
                    .isExactlyInstanceOf(PatchException.class)
                    .hasMessage(".spec.template.spec.containers: duplicate entries for key [name=\"a\"]");
        }

        @Test
        void undecodableManagedFieldsOnTheLiveObjectAreReset() {
            ObjectNode live = deployment("{'replicas':1}");
            ((ObjectNode) live.get("metadata")).set("managedFields", json("[{'manager':'x','operation':'Sideways'}]"));
            ObjectNode result = ServerSideApply.recordUpdate(live, live, "ctl", T1);
            assertThat(ServerSideApply.managedFields(result)).isEmpty();
        }
    }
}
