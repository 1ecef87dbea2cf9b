package io.kreactor.informers.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.KubernetesJson;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

class KeyMappersTest {

    private static JsonNode pod(String namespace, String name, String ownerRefs) {
        try {
            return KubernetesJson.mapper().readTree("""
                    {"apiVersion":"v1","kind":"Pod","metadata":{"namespace":"%s","name":"%s","ownerReferences":%s}}
                    """.formatted(namespace, name, ownerRefs));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String RS_CONTROLLER = """
            [{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"web-7d4","uid":"u1","controller":true},
             {"apiVersion":"v1","kind":"ConfigMap","name":"cfg","uid":"u2"}]""";

    @Test
    void ownedObjectMapsToItsControllingOwnersNamespacedKey() {
        var mapper = KeyMappers.<JsonNode>controllerOwner("apps/v1", "ReplicaSet");

        assertThat(mapper.apply(pod("prod", "web-7d4-x2", RS_CONTROLLER))).containsExactly("prod/web-7d4");
    }

    @Test
    void ownerOfAnotherVersionOfTheSameGroupAndKindMatches() {
        var mapper = KeyMappers.<JsonNode>controllerOwner("apps/v1beta2", "ReplicaSet");

        assertThat(mapper.apply(pod("prod", "p", RS_CONTROLLER))).containsExactly("prod/web-7d4");
    }

    @Test
    void nonControllingOwnersOtherKindsAndObjectsWithoutOwnersMapToNoKey() {
        assertThat(KeyMappers.<JsonNode>controllerOwner("v1", "ConfigMap").apply(pod("prod", "p", RS_CONTROLLER))).isEmpty();
        assertThat(KeyMappers.<JsonNode>controllerOwner("apps/v1", "Deployment").apply(pod("prod", "p", RS_CONTROLLER))).isEmpty();
        assertThat(KeyMappers.<JsonNode>controllerOwner("extensions/v1beta1", "ReplicaSet").apply(pod("prod", "p", RS_CONTROLLER)))
                .as("same kind, other group").isEmpty();
        assertThat(KeyMappers.<JsonNode>controllerOwner("apps/v1", "ReplicaSet").apply(pod("prod", "p", "[]"))).isEmpty();
    }

    @Test
    void ownersMapperIncludesNonControllingOwnersAndClusterScopedOwnersHaveNoNamespace() {
        assertThat(KeyMappers.<JsonNode>owners("v1", "ConfigMap").apply(pod("prod", "p", RS_CONTROLLER))).containsExactly("prod/cfg");
        assertThat(KeyMappers.<JsonNode>clusterScopedControllerOwner("apps/v1", "ReplicaSet").apply(pod("prod", "p", RS_CONTROLLER)))
                .containsExactly("web-7d4");
    }

    @Test
    void malformedOwnerApiVersionIsRejectedUpFront() {
        assertThatThrownBy(() -> KeyMappers.controllerOwner("a/b/c", "X")).hasMessageContaining("a/b/c");
    }

    /** A bean shaped like a fabric8 model type. */
    public static final class Widget {
        private final Meta metadata;

        Widget(Meta metadata) {
            this.metadata = metadata;
        }

        public Meta getMetadata() {
            return metadata;
        }
    }

    /** Bean metadata with owner references, shaped like fabric8's ObjectMeta. */
    public static final class Meta {
        private final String namespace;
        private final String name;
        private final List<Map<String, Object>> ownerReferences;

        Meta(String namespace, String name, List<Map<String, Object>> ownerReferences) {
            this.namespace = namespace;
            this.name = name;
            this.ownerReferences = ownerReferences;
        }

        public String getNamespace() {
            return namespace;
        }

        public String getName() {
            return name;
        }

        public String getResourceVersion() {
            return "1";
        }

        public String getUid() {
            return "uid-" + name;
        }

        public Map<String, String> getLabels() {
            return Map.of();
        }

        public Map<String, String> getAnnotations() {
            return Map.of();
        }

        public List<Map<String, Object>> getOwnerReferences() {
            return ownerReferences;
        }
    }

    @Test
    void typedBeansAreReadThroughTheirMetadata() {
        Widget widget = new Widget(new Meta("dev", "w-1", List.of(
                Map.of("apiVersion", "example.io/v1", "kind", "WidgetSet", "name", "set-a", "uid", "u", "controller", true))));

        assertThat(KeyMappers.<Widget>objectKey().apply(widget)).containsExactly("dev/w-1");
        assertThat(KeyMappers.<Widget>controllerOwner("example.io/v1", "WidgetSet").apply(widget)).containsExactly("dev/set-a");
        assertThat(OwnerReferences.controllerOf(widget)).get().extracting(OwnerReference::uid).isEqualTo("u");
    }

    @Test
    void controllerWatchingOwnedObjectsReconcilesTheirOwner() {
        Sinks.Many<JsonNode> podEvents = Sinks.many().multicast().onBackpressureBuffer();
        List<String> reconciled = new CopyOnWriteArrayList<>();
        Controller controller = Controller.builder("replicasets")
                .watches(podEvents.asFlux(), KeyMappers.controllerOwner("apps/v1", "ReplicaSet"))
                .reconciler(key -> {
                    reconciled.add(key);
                    return Mono.empty();
                })
                .reconcileScheduler(Schedulers.immediate())
                .build().start();

        podEvents.tryEmitNext(pod("prod", "web-7d4-a", RS_CONTROLLER));
        podEvents.tryEmitNext(pod("prod", "lonely", "[]"));

        assertThat(reconciled).containsExactly("prod/web-7d4");
        controller.dispose();
    }

    @Test
    void objectKeysSplitIntoNamespaceAndName() {
        assertThat(ObjectKey.parse("ns/name")).isEqualTo(new ObjectKey("ns", "name"));
        assertThat(ObjectKey.parse("node-1").isClusterScoped()).isTrue();
        assertThat(ObjectKey.of(null, "n")).isEqualTo("n");
        assertThatThrownBy(() -> ObjectKey.parse("a/b/c")).hasMessageContaining("'a/b/c'");
    }
}
