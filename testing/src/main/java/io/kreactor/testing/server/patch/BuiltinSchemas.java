package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kreactor.core.api.GroupVersionKind;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Merge rules of the common built-in kinds, taken from the {@code patchMergeKey}/{@code patchStrategy} tags
 * and {@code +listType}/{@code +listMapKey} markers of {@code k8s.io/api}: containers, volumes and image pull
 * secrets by {@code name}, container ports by {@code containerPort} (and {@code protocol}, default
 * {@code TCP}), env by {@code name}, volume mounts by {@code mountPath}, conditions by {@code type}, service
 * ports by {@code port}, owner references by {@code uid}, finalizers as a set; pod templates wherever
 * workloads embed them. Lists not named here (tolerations, args, rules…) are atomic.
 */
public final class BuiltinSchemas {

    /** API groups served by kube-apiserver itself; their kinds accept strategic merge patches. */
    private static final Set<String> BUILTIN_GROUPS = Set.of(
            "", "apps", "batch", "autoscaling", "policy", "networking.k8s.io", "rbac.authorization.k8s.io",
            "storage.k8s.io", "coordination.k8s.io", "discovery.k8s.io", "scheduling.k8s.io", "node.k8s.io",
            "certificates.k8s.io", "admissionregistration.k8s.io", "apiextensions.k8s.io", "apiregistration.k8s.io",
            "events.k8s.io", "flowcontrol.apiserver.k8s.io", "resource.k8s.io", "authentication.k8s.io",
            "authorization.k8s.io", "internal.apiserver.k8s.io", "storagemigration.k8s.io");

    private static final JsonNode TCP = TextNode.valueOf("TCP");
    private static final ObjectSchema GENERIC = ObjectSchema.builder().build();
    private static final Map<String, ObjectSchema> KINDS = kinds();

    private BuiltinSchemas() {
    }

    /**
     * Whether objects of this kind accept {@code application/strategic-merge-patch+json}. Only kinds of the
     * built-in API groups do; the API server answers 415 Unsupported Media Type for custom resources, whose
     * Go types carry no patch tags.
     */
    public static boolean supportsStrategicMerge(GroupVersionKind gvk) {
        return BUILTIN_GROUPS.contains(gvk.group());
    }

    /**
     * The merge rules of a kind. Kinds without rules of their own (custom resources, ConfigMaps…) get the
     * rules every object shares through its metadata.
     */
    public static ObjectSchema forKind(GroupVersionKind gvk) {
        return KINDS.getOrDefault(gvk.group() + "/" + gvk.kind(), GENERIC);
    }

    private static Map<String, ObjectSchema> kinds() {
        Map<String, ObjectSchema> kinds = new HashMap<>();
        kinds.put("/Pod", schema(b -> {
            podSpec(b, "spec");
            conditions(b, "status");
            b.list("status.podIPs", ListSchema.map("ip")).list("status.hostIPs", ListSchema.map("ip"));
        }));
        kinds.put("/PodTemplate", schema(b -> podSpec(b, "template.spec")));
        kinds.put("/ReplicationController", schema(b -> {
            podSpec(b, "spec.template.spec");
            conditions(b, "status");
        }));
        for (String workload : List.of("Deployment", "ReplicaSet", "StatefulSet", "DaemonSet")) {
            kinds.put("apps/" + workload, schema(b -> {
                podSpec(b, "spec.template.spec");
                conditions(b, "status");
                b.atomicObject("spec.selector");
            }));
        }
        kinds.put("batch/Job", schema(b -> {
            podSpec(b, "spec.template.spec");
            conditions(b, "status");
            b.atomicObject("spec.selector");
        }));
        kinds.put("batch/CronJob", schema(b -> {
            podSpec(b, "spec.jobTemplate.spec.template.spec");
            b.atomicObject("spec.jobTemplate.spec.selector");
        }));
        kinds.put("/Service", schema(b -> {
            b.list("spec.ports", new ListSchema(ListType.MAP, List.of("port", "protocol"), Map.of("protocol", TCP)));
            b.atomicObject("spec.selector");
            conditions(b, "status");
        }));
        kinds.put("/Node", schema(b -> {
            conditions(b, "status");
            b.list("status.addresses", ListSchema.map("type"));
            b.list("spec.podCIDRs", ListSchema.SET);
        }));
        for (String kind : List.of("Namespace", "PersistentVolumeClaim")) {
            kinds.put("/" + kind, schema(b -> conditions(b, "status")));
        }
        kinds.put("policy/PodDisruptionBudget", schema(b -> {
            b.atomicObject("spec.selector");
            conditions(b, "status");
        }));
        kinds.put("networking.k8s.io/NetworkPolicy", schema(b -> b.atomicObject("spec.podSelector")));
        return Map.copyOf(kinds);
    }

    private static ObjectSchema schema(Consumer<ObjectSchema.Builder> rules) {
        ObjectSchema.Builder builder = ObjectSchema.builder();
        rules.accept(builder);
        return builder.build();
    }

    private static void conditions(ObjectSchema.Builder b, String status) {
        b.list(status + ".conditions", ListSchema.map("type"));
    }

    private static void podSpec(ObjectSchema.Builder b, String at) {
        for (String containers : List.of("containers", "initContainers", "ephemeralContainers")) {
            b.list(at + "." + containers, ListSchema.map("name"));
            container(b, at + "." + containers + "[]");
        }
        b.list(at + ".volumes", ListSchema.map("name"))
                .list(at + ".imagePullSecrets", ListSchema.map("name"))
                .list(at + ".hostAliases", ListSchema.map("ip"))
                .list(at + ".resourceClaims", ListSchema.map("name"))
                .list(at + ".schedulingGates", ListSchema.map("name"))
                .list(at + ".topologySpreadConstraints", ListSchema.map("topologyKey", "whenUnsatisfiable"));
    }

    private static void container(ObjectSchema.Builder b, String at) {
        b.list(at + ".ports", new ListSchema(ListType.MAP, List.of("containerPort", "protocol"), Map.of("protocol", TCP)))
                .list(at + ".env", ListSchema.map("name"))
                .list(at + ".volumeMounts", ListSchema.map("mountPath"))
                .list(at + ".volumeDevices", ListSchema.map("devicePath"));
    }
}
