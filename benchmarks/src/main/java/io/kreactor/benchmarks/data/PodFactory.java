package io.kreactor.benchmarks.data;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates realistic Pods (about 2.5 KB of JSON each) the way a Deployment's ReplicaSet would leave them on a
 * busy cluster: labels, annotations, an owner reference, {@code managedFields} from two managers, two containers
 * with env, resources and volume mounts, and a running status with conditions and container statuses.
 *
 * <p>Deterministic: the same seed and index always give the same Pod, so every client decodes identical bytes.
 */
public final class PodFactory {

    private static final String[] APPS = {"checkout", "payments", "catalog", "search", "frontend", "ledger", "auth"};
    private static final String[] ZONES = {"europe-west1-b", "europe-west1-c", "europe-west1-d"};

    private final long seed;

    /** A factory whose Pods are a function of {@code seed} and the index only. */
    public PodFactory(long seed) {
        this.seed = seed;
    }

    /** The name the Pod at {@code index} has: stable, so tests can check decoded names. */
    public static String podName(int index) {
        return "pod-" + APPS[index % APPS.length] + "-" + index;
    }

    /**
     * The Pod at {@code index} in {@code namespace} with {@code resourceVersion}.
     *
     * @param index           which Pod (names are {@link #podName(int)})
     * @param namespace       its namespace
     * @param resourceVersion its metadata.resourceVersion
     */
    public Pod pod(int index, String namespace, long resourceVersion) {
        SplittableRandom r = new SplittableRandom(seed * 1_000_003L + index);
        String app = APPS[index % APPS.length];
        String hash = String.format("%010x", r.nextLong() & 0xffffffffffL);
        String rs = app + "-" + hash.substring(0, 8);
        String ts = String.format("2026-11-%02dT%02d:%02d:%02dZ", 1 + r.nextInt(20), r.nextInt(24), r.nextInt(60), r.nextInt(60));
        String node = "node-" + r.nextInt(200);
        String ip = "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", app);
        labels.put("app.kubernetes.io/instance", app + "-prod");
        labels.put("pod-template-hash", hash.substring(0, 8));
        labels.put("tier", index % 3 == 0 ? "backend" : "frontend");
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("prometheus.io/scrape", "true");
        return new PodBuilder()
                .withNewMetadata()
                    .withName(podName(index)).withNamespace(namespace)
                    .withUid(uid(r)).withResourceVersion(Long.toString(resourceVersion))
                    .withGenerateName(rs + "-").withCreationTimestamp(ts)
                    .withLabels(labels).withAnnotations(annotations)
                    .addNewOwnerReference().withApiVersion("apps/v1").withKind("ReplicaSet").withName(rs)
                        .withUid(uid(r)).withController(true).withBlockOwnerDeletion(true).endOwnerReference()
                    .withManagedFields(
                        new ManagedFieldsEntryBuilder().withManager("kube-controller-manager").withOperation("Update")
                            .withApiVersion("v1").withTime(ts).withFieldsType("FieldsV1")
                            .withFieldsV1(fields(map("f:metadata", map("f:generateName", map(),
                                "f:labels", map(".", map(), "f:app.kubernetes.io/name", map(), "f:pod-template-hash", map())),
                                "f:spec", map("f:containers", map("k:{\"name\":\"app\"}", map(".", map(), "f:image", map(),
                                    "f:env", map(), "f:resources", map())), "f:nodeSelector", map()))))
                            .build(),
                        new ManagedFieldsEntryBuilder().withManager("kubelet").withOperation("Update").withSubresource("status")
                            .withApiVersion("v1").withTime(ts).withFieldsType("FieldsV1")
                            .withFieldsV1(fields(map("f:status", map("f:conditions", map(
                                "k:{\"type\":\"Ready\"}", map(".", map(), "f:status", map(), "f:type", map())),
                                "f:containerStatuses", map(), "f:phase", map(), "f:podIP", map()))))
                            .build())
                .endMetadata()
                .withNewSpec()
                    .withNodeName(node).withServiceAccountName(app).withRestartPolicy("Always")
                    .withTerminationGracePeriodSeconds(30L)
                    .withNodeSelector(map("topology.kubernetes.io/zone", ZONES[index % ZONES.length]))
                    .withContainers(
                        new ContainerBuilder().withName("app").withImage("registry.example.com/" + app + ":1." + r.nextInt(40) + "." + r.nextInt(10))
                            .addNewEnv().withName("APP_NAME").withValue(app).endEnv()
                            .withNewResources().withRequests(map("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")))
                                .withLimits(map("cpu", new Quantity("1"), "memory", new Quantity("512Mi"))).endResources()
                            .addNewVolumeMount().withName("config").withMountPath("/etc/" + app).withReadOnly(true).endVolumeMount()
                            .addNewVolumeMount().withName("kube-api-access").withMountPath("/var/run/secrets/kubernetes.io/serviceaccount").withReadOnly(true).endVolumeMount()
                            .build(),
                        new ContainerBuilder().withName("envoy").withImage("envoyproxy/envoy:v1.3" + r.nextInt(10) + ".0")
                            .addNewEnv().withName("ENVOY_UID").withValue("0").endEnv()
                            .withNewResources().withRequests(map("cpu", new Quantity("100m"), "memory", new Quantity("64Mi"))).endResources()
                            .build())
                    .addNewVolume().withName("config").withNewConfigMap().withName(app + "-config").endConfigMap().endVolume()
                    .addNewVolume().withName("kube-api-access").withNewProjected().withDefaultMode(420)
                        .addNewSource().withNewServiceAccountToken().withPath("token").withExpirationSeconds(3607L).endServiceAccountToken().endSource()
                        .endProjected().endVolume()
                .endSpec()
                .withNewStatus()
                    .withPhase("Running").withHostIP("192.168.0." + r.nextInt(250)).withPodIP(ip).withStartTime(ts).withQosClass("Burstable")
                    .withConditions(List.of(
                        new PodConditionBuilder().withType("Ready").withStatus("True").withLastTransitionTime(ts).build(),
                        new PodConditionBuilder().withType("PodScheduled").withStatus("True").withLastTransitionTime(ts).build()))
                    .withContainerStatuses(
                        new ContainerStatusBuilder().withName("app").withReady(true).withStarted(true).withRestartCount(r.nextInt(3))
                            .withImage("registry.example.com/" + app).withImageID("sha256:" + Long.toHexString(r.nextLong()))
                            .withContainerID("containerd://" + Long.toHexString(r.nextLong()))
                            .withNewState().withNewRunning().withStartedAt(ts).endRunning().endState().build(),
                        new ContainerStatusBuilder().withName("envoy").withReady(true).withStarted(true).withRestartCount(0)
                            .withImage("envoyproxy/envoy").withImageID("sha256:" + Long.toHexString(r.nextLong()))
                            .withNewState().withNewRunning().withStartedAt(ts).endRunning().endState().build())
                .endStatus()
                .build();
    }

    private static String uid(SplittableRandom r) {
        String h = String.format("%016x%016x", r.nextLong(), r.nextLong());
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20, 32);
    }

    /** Map.of's iteration order changes from JVM to JVM; the bytes must not. */
    @SuppressWarnings("unchecked")
    private static <V> Map<String, V> map(Object... keysAndValues) {
        Map<String, V> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return m;
    }

    private static FieldsV1 fields(Map<String, Object> tree) {
        FieldsV1 f = new FieldsV1();
        tree.forEach(f::setAdditionalProperty);
        return f;
    }
}
