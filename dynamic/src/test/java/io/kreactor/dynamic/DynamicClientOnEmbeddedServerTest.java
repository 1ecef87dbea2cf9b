package io.kreactor.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.errors.ConflictException;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The DynamicClient against the embedded API server, over a CRD registered at run time and a built-in kind. */
class DynamicClientOnEmbeddedServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final GroupVersionResource CRDS = new GroupVersionResource("apiextensions.k8s.io", "v1", "customresourcedefinitions");
    private static final GroupVersionResource NAMESPACES = new GroupVersionResource("", "v1", "namespaces");
    private static final GroupVersionResource GADGETS = new GroupVersionResource("toys.example.com", "v1", "gadgets");
    private static final GroupVersionKind GADGET = new GroupVersionKind("toys.example.com", "v1", "Gadget");

    /** A typed view of a gadget. */
    record Gadget(String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec) {
    }

    private static EmbeddedApiServer server;
    private static RestClient rest;
    private static DynamicClient dynamic;

    @BeforeAll
    static void start() {
        server = EmbeddedApiServer.builder().start();
        rest = RestClient.create(server.clientConfig());
        dynamic = DynamicClient.create(rest);
        Unstructured ns = Unstructured.of(new GroupVersionKind("", "v1", "Namespace")).withName("toys");
        Unstructured crd = Unstructured.of(new GroupVersionKind("apiextensions.k8s.io", "v1", "CustomResourceDefinition"))
                .withName("gadgets.toys.example.com")
                .withNested(Map.of("group", "toys.example.com", "scope", "Namespaced",
                        "names", Map.of("plural", "gadgets", "singular", "gadget", "kind", "Gadget"),
                        "versions", List.of(Map.of("name", "v1", "served", true, "storage", true,
                                "subresources", Map.of("status", Map.of()),
                                "schema", Map.of("openAPIV3Schema", Map.of("type", "object",
                                        "x-kubernetes-preserve-unknown-fields", true))))), "spec");
        StepVerifier.create(dynamic.resource(NAMESPACES).create(ns).then(dynamic.resource(CRDS).create(crd)))
                .assertNext(c -> assertThat(c.nested("status", "conditions").toString()).contains("Established"))
                .expectComplete().verify(WAIT);
    }

    @AfterAll
    static void stop() {
        rest.dispose();
        server.close();
    }

    private static Unstructured gadget(String name, int size) {
        return Unstructured.of(GADGET).withName(name).withNested(Map.of("size", size), "spec");
    }

    @Test
    void crudOnACustomResourceRegisteredAtRunTime() {
        ResourceClient<Unstructured> gadgets = dynamic.resource(GADGETS).namespace("toys");
        Unstructured created = gadgets.create(gadget("g-1", 1)).block(WAIT);
        assertThat(created.uid()).isNotEmpty();
        assertThat(created.namespace()).isEqualTo("toys");

        Unstructured bigger = created.withNested(2, "spec", "size");
        Unstructured updated = gadgets.update(bigger).block(WAIT);
        assertThat(updated.nested("spec", "size").asInt()).isEqualTo(2);

        StepVerifier.create(gadgets.update(created.withNested(9, "spec", "size")))
                .expectError(ConflictException.class)
                .verify(WAIT);

        StepVerifier.create(gadgets.patch("g-1", PatchType.JSON, "[{\"op\":\"replace\",\"path\":\"/spec/size\",\"value\":3}]")
                        .then(gadgets.patch("g-1", PatchType.MERGE, Map.of("spec", Map.of("color", "blue"))))
                        .then(gadgets.apply(gadget("g-1", 4), "kreactor-test", true)))
                .assertNext(g -> {
                    assertThat(g.nested("spec", "size").asInt()).isEqualTo(4);
                    assertThat(g.nested("spec", "color").asText()).isEqualTo("blue");
                    Gadget typed = g.to(Gadget.class);
                    assertThat(typed.spec()).containsEntry("size", 4);
                })
                .expectComplete().verify(WAIT);

        StepVerifier.create(gadgets.delete("g-1").then(gadgets.get("g-1")))
                .expectError(NotFoundException.class)
                .verify(WAIT);
    }

    @Test
    void watchFromAListsResourceVersionSeesLaterChanges() {
        ResourceClient<Unstructured> gadgets = dynamic.resource(GADGETS).namespace("toys");
        gadgets.create(gadget("w-1", 1)).block(WAIT);
        String rv = gadgets.list().block(WAIT).resourceVersion();
        StepVerifier.create(gadgets.watch(WatchOptions.DEFAULT.withResourceVersion(rv)).filter(e -> e.object().name().equals("w-1")).take(1))
                .then(() -> gadgets.patch("w-1", PatchType.MERGE, Map.of("spec", Map.of("size", 7))).subscribe())
                .assertNext(e -> {
                    assertThat(e.type()).isEqualTo(WatchEventType.MODIFIED);
                    assertThat(e.object().nested("spec", "size").asInt()).isEqualTo(7);
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void listAllAcrossNamespacesPagesThroughEveryObject() {
        ResourceClient<Unstructured> gadgets = dynamic.resource(GADGETS).namespace("toys");
        Flux.range(0, 11).concatMap(i -> gadgets.create(gadget(String.format("p-%02d", i), i)
                .withLabel("batch", "paging"))).then().block(WAIT);
        StepVerifier.create(dynamic.resource(GADGETS).listAll(ListOptions.DEFAULT.withLimit(3).withLabelSelector("batch=paging"))
                        .map(Unstructured::name).collectList())
                .assertNext(names -> assertThat(names).hasSize(11).startsWith("p-00").endsWith("p-10"))
                .expectComplete().verify(WAIT);
    }

    @Test
    void statusSubresourceWritesOnlyTheStatus() {
        ResourceClient<Unstructured> gadgets = dynamic.resource(GADGETS).namespace("toys");
        Unstructured created = gadgets.create(gadget("s-1", 1)).block(WAIT);
        Unstructured withStatus = created.withNested(Map.of("ready", true), "status").withNested(99, "spec", "size");
        StepVerifier.create(gadgets.updateStatus(withStatus))
                .assertNext(g -> {
                    assertThat(g.nested("status", "ready").asBoolean()).isTrue();
                    assertThat(g.nested("spec", "size").asInt()).as("spec is not written through status").isEqualTo(1);
                })
                .expectComplete().verify(WAIT);
    }

    @Test
    void builtInKindsWorkUntypedToo() {
        ResourceClient<Unstructured> configMaps = dynamic.resource(new GroupVersionResource("", "v1", "configmaps")).namespace("toys");
        Unstructured cm = Unstructured.of(new GroupVersionKind("", "v1", "ConfigMap")).withName("plain")
                .withNested(Map.of("k", "v"), "data");
        StepVerifier.create(configMaps.create(cm).then(configMaps.get("plain")))
                .assertNext(u -> assertThat(u.nested("data", "k").asText()).isEqualTo("v"))
                .expectComplete().verify(WAIT);
        StepVerifier.create(dynamic.resource(NAMESPACES).get("toys").map(Unstructured::name))
                .expectNext("toys").expectComplete().verify(WAIT);
    }
}
