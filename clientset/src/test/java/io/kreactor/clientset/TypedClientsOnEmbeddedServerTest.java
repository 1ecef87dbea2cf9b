package io.kreactor.clientset;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.errors.ConflictException;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The typed clients against the embedded API server: real resourceVersions, conflicts, patches, paging, CRDs. */
class TypedClientsOnEmbeddedServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static EmbeddedApiServer server;
    private static RestClient rest;
    private static KubernetesClientSet clients;

    @BeforeAll
    static void start() {
        server = EmbeddedApiServer.builder().start();
        rest = RestClient.create(server.clientConfig());
        clients = KubernetesClientSet.create(rest);
        for (String ns : List.of("lifecycle", "paging", "crd", "scale")) {
            StepVerifier.create(clients.coreV1().namespaces().create(new NamespaceBuilder().withNewMetadata().withName(ns)
                    .endMetadata().build())).expectNextCount(1).expectComplete().verify(WAIT);
        }
    }

    @AfterAll
    static void stop() {
        rest.dispose();
        server.close();
    }

    private static ConfigMap configMap(String name, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build();
    }

    @Test
    void createGetUpdateConflictPatchApplyDeleteFollowTheServersSemantics() {
        ResourceClient<ConfigMap> configMaps = clients.coreV1().configMaps("lifecycle");
        ConfigMap created = configMaps.create(configMap("settings", Map.of("a", "1"))).block(WAIT);
        assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();
        assertThat(created.getMetadata().getNamespace()).isEqualTo("lifecycle");

        ConfigMap fetched = configMaps.get("settings").block(WAIT);
        assertThat(fetched.getData()).containsEntry("a", "1");

        fetched.getData().put("b", "2");
        ConfigMap updated = configMaps.update(fetched).block(WAIT);
        assertThat(updated.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());

        // `created` still carries the first resourceVersion: the server refuses the write.
        created.getData().put("c", "3");
        StepVerifier.create(configMaps.update(created))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConflictException.class)
                        .hasMessageContaining("settings"))
                .verify(WAIT);

        StepVerifier.create(configMaps.patch("settings", PatchType.JSON, "[{\"op\":\"add\",\"path\":\"/data/json\",\"value\":\"j\"}]"))
                .assertNext(cm -> assertThat(cm.getData()).containsEntry("json", "j"))
                .expectComplete().verify(WAIT);
        StepVerifier.create(configMaps.patch("settings", PatchType.MERGE, Map.of("data", Map.of("merge", "m"))))
                .assertNext(cm -> assertThat(cm.getData()).containsEntry("merge", "m").containsEntry("json", "j"))
                .expectComplete().verify(WAIT);
        StepVerifier.create(configMaps.patch("settings", PatchType.STRATEGIC_MERGE, Map.of("data", Map.of("smp", "s"))))
                .assertNext(cm -> assertThat(cm.getData()).containsEntry("smp", "s").containsEntry("merge", "m"))
                .expectComplete().verify(WAIT);

        ConfigMap intent = configMap("settings", Map.of("applied", "yes"));
        intent.setApiVersion("v1");
        intent.setKind("ConfigMap");
        StepVerifier.create(configMaps.apply(intent, "kreactor-test", true))
                .assertNext(cm -> {
                    assertThat(cm.getData()).containsEntry("applied", "yes");
                    assertThat(cm.getMetadata().getManagedFields()).extracting(f -> f.getManager()).contains("kreactor-test");
                })
                .expectComplete().verify(WAIT);

        StepVerifier.create(configMaps.delete("settings")).expectComplete().verify(WAIT);
        StepVerifier.create(configMaps.get("settings"))
                .expectError(NotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void applyCreatesAMissingObjectAndDryRunPersistsNothing() {
        ResourceClient<ConfigMap> configMaps = clients.coreV1().configMaps("lifecycle");
        ConfigMap intent = configMap("applied-new", Map.of("k", "v"));
        intent.setApiVersion("v1");
        intent.setKind("ConfigMap");
        StepVerifier.create(configMaps.patch("dry", PatchType.APPLY, configMap("dry", Map.of()), PatchOptions.forApply("t").withDryRun(true)))
                .expectNextCount(1).expectComplete().verify(WAIT);
        StepVerifier.create(configMaps.get("dry")).expectError(NotFoundException.class).verify(WAIT);
        StepVerifier.create(configMaps.apply(intent, "kreactor-test", false))
                .assertNext(cm -> assertThat(cm.getData()).containsEntry("k", "v"))
                .expectComplete().verify(WAIT);
    }

    @Test
    void listAllWalksManyPagesFetchingEachOnlyWhenDemanded() {
        ResourceClient<ConfigMap> configMaps = clients.coreV1().configMaps("paging");
        Flux.range(0, 25).concatMap(i -> configMaps.create(configMap(String.format("cm-%02d", i), Map.of("i", "" + i))))
                .then().block(WAIT);

        AtomicInteger pages = new AtomicInteger();
        KubernetesClientSet counted = KubernetesClientSet.create(CountingRestClient.wrap(rest, pages));
        ResourceClient<ConfigMap> paged = counted.coreV1().configMaps("paging");
        StepVerifier.create(paged.listAll(ListOptions.DEFAULT.withLimit(4)).map(cm -> cm.getMetadata().getName()), 0)
                .then(() -> assertThat(pages).hasValue(0))
                .thenRequest(3)
                .expectNext("cm-00", "cm-01", "cm-02")
                .then(() -> assertThat(pages).as("the first page covers the demand").hasValue(1))
                .thenRequest(2)
                .expectNext("cm-03", "cm-04")
                .then(() -> assertThat(pages).as("page 2 is fetched once page 1 is consumed").hasValue(2))
                .thenRequest(Long.MAX_VALUE)
                .expectNextSequence(IntStream.range(5, 25).mapToObj(i -> String.format("cm-%02d", i)).toList())
                .expectComplete()
                .verify(WAIT);
        assertThat(pages).as("25 objects in pages of 4").hasValue(7);
    }

    @Test
    void scaleSubresourceOfADeploymentReadsAndWritesReplicas() {
        ResourceClient<Deployment> deployments = clients.appsV1().deployments("scale");
        Deployment web = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("c").withImage("nginx").endContainer().endSpec().endTemplate()
                .endSpec().build();
        deployments.create(web).block(WAIT);
        Scale scale = deployments.getScale("web", Scale.class).block(WAIT);
        assertThat(scale.getSpec().getReplicas()).isEqualTo(1);
        scale.getSpec().setReplicas(4);
        StepVerifier.create(deployments.updateScale("web", scale))
                .assertNext(s -> assertThat(s.getSpec().getReplicas()).isEqualTo(4))
                .expectComplete().verify(WAIT);
        StepVerifier.create(deployments.get("web"))
                .assertNext(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(4))
                .expectComplete().verify(WAIT);
    }

    @Test
    void customResourceDefinitionRegisteredAtRunTimeServesTheTypedClass() {
        CustomResourceDefinition crd = new CustomResourceDefinitionBuilder().withNewMetadata().withName("widgets.example.com")
                .endMetadata().withNewSpec().withGroup("example.com").withScope("Namespaced")
                .withNewNames().withPlural("widgets").withSingular("widget").withKind("Widget").withShortNames("wd").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema().endVersion().endSpec().build();
        StepVerifier.create(clients.apiextensionsV1().customResourceDefinitions().create(crd))
                .assertNext(c -> assertThat(c.getStatus().getConditions()).anyMatch(cond -> cond.getType().equals("Established")))
                .expectComplete().verify(WAIT);

        ResourceClient<Widget> widgets = clients.resources(Widget.class).inNamespace("crd");
        StepVerifier.create(widgets.create(new Widget("crd", "w-1", new Widget.Spec(3, "red")))
                        .then(widgets.patch("w-1", PatchType.MERGE, Map.of("spec", Map.of("size", 5))))
                        .then(widgets.get("w-1")))
                .assertNext(w -> {
                    assertThat(w.getSpec()).isEqualTo(new Widget.Spec(5, "red"));
                    assertThat(w.getMetadata().getUid()).isNotEmpty();
                })
                .expectComplete().verify(WAIT);
        StepVerifier.create(clients.resources(Widget.class).list().map(l -> l.items().size()))
                .expectNext(1).expectComplete().verify(WAIT);
        StepVerifier.create(Mono.from(widgets.delete("w-1")).then(widgets.list().map(l -> l.items().size())))
                .expectNext(0).expectComplete().verify(WAIT);
    }
}
