package io.kreactor.testing.server;

import io.kreactor.testing.server.ResourceType.ScaleSubresource;
import java.util.List;

/**
 * The table of built-in kinds the server serves, with the names, scopes, subresources and field-selector labels
 * of a Kubernetes 1.32 API server.
 */
final class BuiltinResources {

    private BuiltinResources() {
    }

    static List<ResourceType> all() {
        return List.of(
                core("pods", "Pod").shortNames("po").categories("all").withStatus()
                        .selectableFields("spec.nodeName", "spec.restartPolicy", "spec.schedulerName",
                                "spec.serviceAccountName", "spec.hostNetwork", "status.phase", "status.podIP",
                                "status.nominatedNodeName").build(),
                core("services", "Service").shortNames("svc").categories("all").withStatus().build(),
                core("configmaps", "ConfigMap").shortNames("cm").build(),
                core("secrets", "Secret").selectableFields("type").build(),
                core("namespaces", "Namespace").shortNames("ns").clusterScoped().withStatus()
                        .verbs("create", "delete", "get", "list", "patch", "update", "watch")
                        .selectableFields("status.phase").build(),
                core("nodes", "Node").shortNames("no").clusterScoped().withStatus()
                        .selectableFields("spec.unschedulable").build(),
                core("events", "Event").shortNames("ev")
                        .selectableFields("involvedObject.kind", "involvedObject.namespace", "involvedObject.name",
                                "involvedObject.uid", "involvedObject.apiVersion", "involvedObject.resourceVersion",
                                "involvedObject.fieldPath", "reason", "reportingComponent", "source", "type")
                        .build(),
                core("serviceaccounts", "ServiceAccount").shortNames("sa").build(),
                core("endpoints", "Endpoints").shortNames("ep").singular("endpoints").build(),
                core("persistentvolumeclaims", "PersistentVolumeClaim").shortNames("pvc").withStatus().build(),
                core("persistentvolumes", "PersistentVolume").shortNames("pv").clusterScoped().withStatus().build(),
                ResourceType.builder("apps", "v1", "deployments", "Deployment").shortNames("deploy")
                        .categories("all").withStatus().withScale(ScaleSubresource.WORKLOAD).build(),
                ResourceType.builder("apps", "v1", "replicasets", "ReplicaSet").shortNames("rs")
                        .categories("all").withStatus().withScale(ScaleSubresource.WORKLOAD)
                        .selectableFields("status.replicas").build(),
                ResourceType.builder("apps", "v1", "statefulsets", "StatefulSet").shortNames("sts")
                        .categories("all").withStatus().withScale(ScaleSubresource.WORKLOAD).build(),
                ResourceType.builder("apps", "v1", "daemonsets", "DaemonSet").shortNames("ds")
                        .categories("all").withStatus().build(),
                ResourceType.builder("batch", "v1", "jobs", "Job").categories("all").withStatus()
                        .selectableFields("status.successful").build(),
                ResourceType.builder("batch", "v1", "cronjobs", "CronJob").shortNames("cj")
                        .categories("all").withStatus().build(),
                ResourceType.builder("coordination.k8s.io", "v1", "leases", "Lease").build(),
                ResourceType.builder("apiextensions.k8s.io", "v1", "customresourcedefinitions",
                        "CustomResourceDefinition").shortNames("crd", "crds").categories("api-extensions")
                        .clusterScoped().withStatus().build(),
                ResourceType.builder("networking.k8s.io", "v1", "ingresses", "Ingress").shortNames("ing")
                        .withStatus().build(),
                ResourceType.builder("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy")
                        .shortNames("netpol").build(),
                ResourceType.builder("rbac.authorization.k8s.io", "v1", "roles", "Role").build(),
                ResourceType.builder("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding").build(),
                ResourceType.builder("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole")
                        .clusterScoped().build(),
                ResourceType.builder("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding")
                        .clusterScoped().build(),
                ResourceType.builder("policy", "v1", "poddisruptionbudgets", "PodDisruptionBudget")
                        .shortNames("pdb").withStatus().build(),
                ResourceType.builder("storage.k8s.io", "v1", "storageclasses", "StorageClass").shortNames("sc")
                        .clusterScoped().build(),
                ResourceType.builder("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice").build(),
                ResourceType.builder("events.k8s.io", "v1", "events", "Event").shortNames("ev").build(),
                ResourceType.builder("autoscaling", "v2", "horizontalpodautoscalers", "HorizontalPodAutoscaler")
                        .shortNames("hpa").categories("all").withStatus().build(),
                ResourceType.builder("scheduling.k8s.io", "v1", "priorityclasses", "PriorityClass")
                        .shortNames("pc").clusterScoped().build());
    }

    private static ResourceType.Builder core(String plural, String kind) {
        return ResourceType.builder("", "v1", plural, kind);
    }
}
