package io.kreactor.informers.informer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.FieldsV1;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.informers.ListerWatcher;
import io.kreactor.informers.store.Transforms;
import io.kreactor.rest.RestClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/**
 * What an informer's cache shares between similar objects by default: repeated string values, empty
 * {@code additionalProperties} maps and other empty collections, and equal {@code managedFields[].fieldsV1}
 * trees — from the initial LIST and from the WATCH alike.
 */
class InformerCacheSharingTest {

    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private EmbeddedApiServer server;
    private RestClient rest;
    private Disposable running;

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.builder().requireNamespaces(false).start();
        rest = RestClient.create(server.clientConfig());
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.dispose();
        }
        rest.dispose();
        server.close();
    }

    private static ObjectNode configMap(String name) {
        ObjectNode o = KubernetesJson.mapper().createObjectNode();
        o.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode meta = o.putObject("metadata").put("namespace", "team-shared").put("name", name);
        meta.putObject("labels").put("tier", "backend-" + "tier");
        ObjectNode entry = meta.putArray("managedFields").addObject()
                .put("manager", "kubectl").put("operation", "Update").put("apiVersion", "v1").put("fieldsType", "FieldsV1");
        entry.putObject("fieldsV1").putObject("f:data").putObject("f:k");
        o.putObject("data").put("k", "same-value");
        return o;
    }

    private SharedIndexInformer<ConfigMap> informer() {
        return SharedIndexInformer.create(ListerWatcher.forResource(rest, CONFIGMAPS, null, ConfigMap.class),
                MetadataAccessors.forType(ConfigMap.class), InformerConfig.DEFAULT);
    }

    private static List<ConfigMap> sorted(List<ConfigMap> list) {
        return list.stream().sorted(Comparator.comparing(c -> c.getMetadata().getName())).toList();
    }

    private static FieldsV1 fieldsV1(ConfigMap c) {
        return c.getMetadata().getManagedFields().get(0).getFieldsV1();
    }

    @Test
    void listedAndWatchedObjectsShareRepeatedStringsEmptyCollectionsAndManagedFields() {
        server.create(CONFIGMAPS, configMap("a"));
        server.create(CONFIGMAPS, configMap("b"));
        SharedIndexInformer<ConfigMap> informer = informer();
        running = informer.start();
        StepVerifier.create(informer.synced()).expectComplete().verify(WAIT);

        StepVerifier.create(rest.post().groupVersion(GroupVersion.CORE_V1).namespace("team-shared").resource("configmaps")
                        .body(configMap("c")).retrieve(ConfigMap.class)
                        .thenMany(informer.events().filter(e -> informer.indexer().list().size() == 3)).take(1))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);

        List<ConfigMap> cached = sorted(informer.indexer().list());
        assertThat(cached).extracting(c -> c.getMetadata().getName()).containsExactly("a", "b", "c");
        ConfigMap a = cached.get(0);
        for (ConfigMap other : cached.subList(1, 3)) {
            assertThat(other.getMetadata().getNamespace()).isSameAs(a.getMetadata().getNamespace());
            assertThat(other.getMetadata().getLabels().get("tier")).isEqualTo("backend-tier")
                    .isSameAs(a.getMetadata().getLabels().get("tier"));
            assertThat(other.getData().get("k")).isSameAs(a.getData().get("k"));
            assertThat(fieldsV1(other)).isEqualTo(fieldsV1(a)).isSameAs(fieldsV1(a));
            assertThat(other.getAdditionalProperties()).isSameAs(a.getAdditionalProperties()).isEmpty();
            assertThat(other.getMetadata().getAdditionalProperties()).isSameAs(a.getAdditionalProperties());
            assertThat(other.getMetadata().getManagedFields().get(0).getAdditionalProperties())
                    .isSameAs(a.getAdditionalProperties());
            assertThat(other.getMetadata().getFinalizers()).isSameAs(a.getMetadata().getFinalizers()).isEmpty();
            assertThat(other.getMetadata().getOwnerReferences()).isSameAs(a.getMetadata().getOwnerReferences()).isEmpty();
        }
    }

    @Test
    void aTransformThatDropsManagedFieldsStillWorks() {
        server.create(CONFIGMAPS, configMap("a"));
        SharedIndexInformer<ConfigMap> informer = informer().setTransform(Transforms.dropManagedFields(ConfigMap.class));
        running = informer.start();
        StepVerifier.create(informer.synced()).expectComplete().verify(WAIT);

        assertThat(informer.indexer().list()).singleElement()
                .satisfies(c -> assertThat(c.getMetadata().getManagedFields()).isNullOrEmpty());
    }
}
