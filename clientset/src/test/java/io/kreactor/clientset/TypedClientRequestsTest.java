package io.kreactor.clientset;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleBuilder;
import io.kreactor.core.api.CreateOptions;
import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.FieldValidation;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.Preconditions;
import io.kreactor.core.api.PropagationPolicy;
import io.kreactor.core.api.UpdateOptions;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/**
 * The exact requests of every typed operation — path, verb, query, content type, body — for a namespaced kind
 * (pods), a cluster-scoped kind (nodes) and a custom-resource class (Widget), checked by WireMock.
 */
class TypedClientRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String POD_JSON = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\",\"namespace\":\"ns\","
            + "\"resourceVersion\":\"7\"}}";
    private static final String PODS = "/api/v1/namespaces/ns/pods";

    private WireMockServer server;
    private RestClient rest;
    private KubernetesClientSet clients;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson(POD_JSON)));
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        clients = KubernetesClientSet.create(rest);
    }

    @AfterEach
    void stop() {
        clients.dispose();
        rest.dispose();
        server.stop();
    }

    private static Pod pod() {
        return new PodBuilder().withNewMetadata().withName("web-0").withNamespace("ns").withResourceVersion("7")
                .addToLabels("app", "web").endMetadata().build();
    }

    private <T> void completes(reactor.core.publisher.Mono<T> call) {
        StepVerifier.create(call.then()).expectComplete().verify(WAIT);
    }

    @Test
    void getDecodesTheTypedObjectFromTheNamespacedPath() {
        StepVerifier.create(clients.coreV1().pods("ns").get("web-0"))
                .assertNext(p -> assertThat(p.getMetadata().getResourceVersion()).isEqualTo("7"))
                .expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo(PODS + "/web-0")).withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void listSendsSelectorsAndLimitAndAllNamespacesUsesTheClusterWidePath() {
        server.stubFor(get(urlPathEqualTo("/api/v1/pods")).willReturn(okJson(
                "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"9\"},\"items\":[" + POD_JSON + "]}")));
        StepVerifier.create(clients.coreV1().pods().list(ListOptions.DEFAULT.withLabelSelector("app=web").withLimit(50)))
                .assertNext(list -> {
                    assertThat(list.items()).extracting(p -> p.getMetadata().getName()).containsExactly("web-0");
                    assertThat(list.resourceVersion()).isEqualTo("9");
                })
                .expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo("/api/v1/pods?labelSelector=app%3Dweb&limit=50")));
    }

    @Test
    void watchAddsWatchTrueAndDecodesTypedEvents() {
        server.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("watch", equalTo("true"))
                .willReturn(okJson("{\"type\":\"ADDED\",\"object\":" + POD_JSON + "}\n")));
        StepVerifier.create(clients.coreV1().pods("ns").watch(WatchOptions.DEFAULT.withResourceVersion("5").withAllowWatchBookmarks(true)))
                .assertNext(e -> {
                    assertThat(e.type()).isEqualTo(WatchEventType.ADDED);
                    assertThat(e.object()).isInstanceOf(Pod.class);
                })
                .expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo(PODS + "?allowWatchBookmarks=true&resourceVersion=5&watch=true")));
    }

    @Test
    void createPostsTheObjectWithWriteOptions() {
        completes(clients.coreV1().pods("ns").create(pod(),
                CreateOptions.DEFAULT.withDryRun(true).withFieldManager("kreactor").withFieldValidation(FieldValidation.STRICT)));
        server.verify(postRequestedFor(urlEqualTo(PODS + "?dryRun=All&fieldManager=kreactor&fieldValidation=Strict"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\","
                        + "\"namespace\":\"ns\",\"resourceVersion\":\"7\",\"labels\":{\"app\":\"web\"}}}", true, true)));
    }

    @Test
    void updatePutsTheWholeObjectToItsName() {
        completes(clients.coreV1().pods("ns").update(pod(), UpdateOptions.DEFAULT.withFieldManager("m")));
        server.verify(putRequestedFor(urlEqualTo(PODS + "/web-0?fieldManager=m"))
                .withRequestBody(equalToJson("{\"metadata\":{\"name\":\"web-0\",\"resourceVersion\":\"7\"}}", true, true)));
    }

    @Test
    void eachPatchTypeSendsItsContentTypeAndBody() {
        ResourceClient<Pod> pods = clients.coreV1().pods("ns");
        completes(pods.patch("web-0", PatchType.JSON, "[{\"op\":\"replace\",\"path\":\"/metadata/labels/app\",\"value\":\"db\"}]"));
        completes(pods.patch("web-0", PatchType.MERGE, Map.of("metadata", Map.of("labels", Map.of("app", "db")))));
        completes(pods.patch("web-0", PatchType.STRATEGIC_MERGE, Map.of("spec", Map.of("containers",
                List.of(Map.of("name", "c", "image", "nginx:2"))))));
        completes(pods.patch("web-0", PatchType.APPLY, pod(), PatchOptions.forApply("me").withForce(true)));
        server.verify(patchRequestedFor(urlEqualTo(PODS + "/web-0"))
                .withHeader("Content-Type", equalTo("application/json-patch+json"))
                .withRequestBody(equalToJson("[{\"op\":\"replace\",\"path\":\"/metadata/labels/app\",\"value\":\"db\"}]")));
        server.verify(patchRequestedFor(urlEqualTo(PODS + "/web-0"))
                .withHeader("Content-Type", equalTo("application/merge-patch+json"))
                .withRequestBody(equalToJson("{\"metadata\":{\"labels\":{\"app\":\"db\"}}}")));
        server.verify(patchRequestedFor(urlEqualTo(PODS + "/web-0"))
                .withHeader("Content-Type", equalTo("application/strategic-merge-patch+json"))
                .withRequestBody(equalToJson("{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx:2\"}]}}")));
        server.verify(patchRequestedFor(urlEqualTo(PODS + "/web-0?fieldManager=me&force=true"))
                .withHeader("Content-Type", equalTo("application/apply-patch+yaml")));
    }

    @Test
    void applySendsTheWholeObjectAsAnApplyPatchOfItsFieldManager() {
        completes(clients.coreV1().pods("ns").apply(pod(), "kreactor-test", false));
        server.verify(patchRequestedFor(urlEqualTo(PODS + "/web-0?fieldManager=kreactor-test"))
                .withHeader("Content-Type", equalTo("application/apply-patch+yaml"))
                .withRequestBody(equalToJson("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"web-0\"}}", true, true)));
    }

    @Test
    void deleteSendsDeleteOptionsAsTheJsonBody() {
        DeleteOptions options = DeleteOptions.DEFAULT.withGracePeriodSeconds(0).withPropagationPolicy(PropagationPolicy.FOREGROUND)
                .withPreconditions(new Preconditions("uid-1", null)).withDryRun(true);
        StepVerifier.create(clients.coreV1().pods("ns").delete("web-0", options)).expectComplete().verify(WAIT);
        server.verify(deleteRequestedFor(urlEqualTo(PODS + "/web-0"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0,"
                        + "\"preconditions\":{\"uid\":\"uid-1\"},\"propagationPolicy\":\"Foreground\",\"dryRun\":[\"All\"]}")));
    }

    @Test
    void deleteCollectionSendsSelectorsAsQueryAndOptionsAsBody() {
        StepVerifier.create(clients.coreV1().pods("ns").deleteCollection(ListOptions.DEFAULT.withLabelSelector("app=web"),
                DeleteOptions.DEFAULT.withPropagationPolicy(PropagationPolicy.BACKGROUND))).expectComplete().verify(WAIT);
        server.verify(deleteRequestedFor(urlEqualTo(PODS + "?labelSelector=app%3Dweb"))
                .withRequestBody(equalToJson("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Background\"}")));
    }

    @Test
    void statusOperationsAddressTheStatusSubresource() {
        ResourceClient<Pod> pods = clients.coreV1().pods("ns");
        completes(pods.getStatus("web-0"));
        completes(pods.updateStatus(pod()));
        completes(pods.patchStatus("web-0", PatchType.MERGE, Map.of("status", Map.of("phase", "Running")), PatchOptions.DEFAULT));
        completes(pods.applyStatus(pod(), "kubelet", true));
        server.verify(getRequestedFor(urlEqualTo(PODS + "/web-0/status")));
        server.verify(putRequestedFor(urlEqualTo(PODS + "/web-0/status")));
        server.verify(patchRequestedFor(urlEqualTo(PODS + "/web-0/status"))
                .withHeader("Content-Type", equalTo("application/merge-patch+json"))
                .withRequestBody(equalToJson("{\"status\":{\"phase\":\"Running\"}}")));
        server.verify(patchRequestedFor(urlEqualTo(PODS + "/web-0/status?fieldManager=kubelet&force=true"))
                .withHeader("Content-Type", equalTo("application/apply-patch+yaml")));
    }

    @Test
    void scaleReadsAndWritesTheAutoscalingV1ScaleOfADeployment() {
        String deployment = "/apis/apps/v1/namespaces/ns/deployments/web/scale";
        server.stubFor(any(urlPathEqualTo(deployment)).willReturn(okJson("{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\","
                + "\"metadata\":{\"name\":\"web\",\"namespace\":\"ns\"},\"spec\":{\"replicas\":3},\"status\":{\"replicas\":2}}")));
        var deployments = clients.appsV1().deployments("ns");
        StepVerifier.create(deployments.getScale("web", Scale.class))
                .assertNext(s -> assertThat(s.getSpec().getReplicas()).isEqualTo(3))
                .expectComplete().verify(WAIT);
        Scale five = new ScaleBuilder().withNewMetadata().withName("web").withNamespace("ns").endMetadata()
                .withNewSpec().withReplicas(5).endSpec().build();
        completes(deployments.updateScale("web", five));
        completes(deployments.patchScale("web", PatchType.MERGE, Map.of("spec", Map.of("replicas", 4)), PatchOptions.DEFAULT, Scale.class));
        server.verify(getRequestedFor(urlEqualTo(deployment)));
        server.verify(putRequestedFor(urlEqualTo(deployment)).withRequestBody(equalToJson("{\"spec\":{\"replicas\":5}}", true, true)));
        server.verify(patchRequestedFor(urlEqualTo(deployment)).withRequestBody(equalToJson("{\"spec\":{\"replicas\":4}}")));
    }

    @Test
    void evictPostsAPolicyV1EvictionAndBindPostsABinding() {
        ResourceClient<Pod> pods = clients.coreV1().pods("ns");
        StepVerifier.create(pods.evict("web-0", DeleteOptions.DEFAULT.withGracePeriodSeconds(30))).expectComplete().verify(WAIT);
        StepVerifier.create(pods.bind("web-0", "node-1")).expectComplete().verify(WAIT);
        server.verify(postRequestedFor(urlEqualTo(PODS + "/web-0/eviction"))
                .withRequestBody(equalToJson("{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"web-0\","
                        + "\"namespace\":\"ns\"},\"deleteOptions\":{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":30}}")));
        server.verify(postRequestedFor(urlEqualTo(PODS + "/web-0/binding"))
                .withRequestBody(equalToJson("{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"web-0\","
                        + "\"namespace\":\"ns\"},\"target\":{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"name\":\"node-1\"}}")));
    }

    @Test
    void genericSubresourceStreamsAPodLog() {
        server.stubFor(get(urlPathEqualTo(PODS + "/web-0/log")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.ok("line 1\nline 2\n")));
        StepVerifier.create(clients.coreV1().pods("ns").subresource("web-0", "log").stream(() -> Map.of("container", "app"))
                        .reduce(new StringBuilder(), (sb, b) -> sb.append(new String(b, StandardCharsets.UTF_8))).map(StringBuilder::toString))
                .expectNext("line 1\nline 2\n")
                .expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo(PODS + "/web-0/log?container=app")));
    }

    @Test
    void clusterScopedNodesUseNoNamespaceSegment() {
        ResourceClient<Node> nodes = clients.coreV1().nodes();
        Node node = new NodeBuilder().withNewMetadata().withName("node-1").endMetadata().build();
        completes(nodes.get("node-1"));
        completes(nodes.create(node));
        completes(nodes.update(node));
        StepVerifier.create(nodes.delete("node-1")).expectComplete().verify(WAIT);
        completes(clients.rbacV1().clusterRoles().get("admin"));
        server.verify(getRequestedFor(urlEqualTo("/api/v1/nodes/node-1")));
        server.verify(postRequestedFor(urlEqualTo("/api/v1/nodes")).withRequestBody(equalToJson(
                "{\"apiVersion\":\"v1\",\"kind\":\"Node\",\"metadata\":{\"name\":\"node-1\"}}", true, true)));
        server.verify(putRequestedFor(urlEqualTo("/api/v1/nodes/node-1")));
        server.verify(deleteRequestedFor(urlEqualTo("/api/v1/nodes/node-1")));
        server.verify(getRequestedFor(urlEqualTo("/apis/rbac.authorization.k8s.io/v1/clusterroles/admin")));
    }

    @Test
    void objectNamespaceIsUsedWhenTheClientHasNone() {
        completes(clients.coreV1().pods().create(pod()));
        server.verify(postRequestedFor(urlEqualTo(PODS)));
    }

    @Test
    void customResourceClassIsAddressedThroughItsAnnotations() {
        ResourceClient<Widget> widgets = clients.resources(Widget.class);
        assertThat(widgets.descriptor()).isEqualTo(new ResourceDescriptor(
                new io.kreactor.core.api.GroupVersionResource("example.com", "v1", "widgets"), "Widget",
                ResourceDescriptor.Scope.NAMESPACED, "widget", List.of("wd"), "WidgetList"));
        completes(widgets.inNamespace("ns").create(new Widget("ns", "w-1", new Widget.Spec(3, "red"))));
        completes(widgets.inNamespace("ns").get("w-1"));
        completes(widgets.inNamespace("ns").patch("w-1", PatchType.MERGE, Map.of("spec", Map.of("size", 4))));
        server.verify(postRequestedFor(urlEqualTo("/apis/example.com/v1/namespaces/ns/widgets"))
                .withRequestBody(equalToJson("{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w-1\","
                        + "\"namespace\":\"ns\"},\"spec\":{\"size\":3,\"color\":\"red\"}}", true, true)));
        server.verify(getRequestedFor(urlEqualTo("/apis/example.com/v1/namespaces/ns/widgets/w-1")));
        server.verify(patchRequestedFor(urlEqualTo("/apis/example.com/v1/namespaces/ns/widgets/w-1"))
                .withHeader("Content-Type", equalTo("application/merge-patch+json")));
    }

    @Test
    void explicitDescriptorOverridesTheAnnotations() {
        ResourceDescriptor gizmos = ResourceDescriptor.clusterScoped("toys.example.com", "v2", "gizmos", "Gizmo");
        completes(clients.resources(Widget.class, gizmos).get("g-1"));
        server.verify(getRequestedFor(urlEqualTo("/apis/toys.example.com/v2/gizmos/g-1")));
    }
}
