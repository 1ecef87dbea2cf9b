package io.kreactor.dynamic;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
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
import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.PropagationPolicy;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.api.UpdateOptions;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The exact requests of the DynamicClient for a namespaced CRD, a built-in namespaced kind and a cluster-scoped kind. */
class DynamicClientRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final GroupVersionResource WIDGETS = new GroupVersionResource("example.com", "v1", "widgets");
    private static final GroupVersionResource NODES = new GroupVersionResource("", "v1", "nodes");
    private static final GroupVersionKind WIDGET = new GroupVersionKind("example.com", "v1", "Widget");
    private static final String WIDGET_JSON = "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\"w-1\","
            + "\"namespace\":\"ns\",\"resourceVersion\":\"4\"},\"spec\":{\"size\":3,\"color\":\"red\"}}";
    private static final String NS_WIDGETS = "/apis/example.com/v1/namespaces/ns/widgets";

    /** A typed view of a widget, to convert to and from. */
    record Widget(String apiVersion, String kind, Map<String, Object> metadata, Spec spec) {
        record Spec(int size, String color) {
        }
    }

    private WireMockServer server;
    private RestClient rest;
    private DynamicClient dynamic;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson(WIDGET_JSON)));
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        dynamic = DynamicClient.create(rest);
    }

    @AfterEach
    void stop() {
        rest.dispose();
        server.stop();
    }

    private static Unstructured widget() {
        return Unstructured.of(WIDGET).withName("w-1").withNamespace("ns").withResourceVersion("4")
                .withNested(Map.of("size", 3, "color", "red"), "spec");
    }

    private static <T> void completes(Mono<T> call) {
        StepVerifier.create(call.then()).expectComplete().verify(WAIT);
    }

    @Test
    void getDecodesAnUnstructuredThatConvertsToATypedObject() {
        StepVerifier.create(dynamic.resource(WIDGETS).namespace("ns").get("w-1"))
                .assertNext(u -> {
                    assertThat(u.name()).isEqualTo("w-1");
                    assertThat(u.nested("spec", "size").asInt()).isEqualTo(3);
                    Widget typed = u.to(Widget.class);
                    assertThat(typed.spec()).isEqualTo(new Widget.Spec(3, "red"));
                    assertThat(Unstructured.from(typed)).isEqualTo(u);
                })
                .expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo(NS_WIDGETS + "/w-1")));
    }

    @Test
    void listAcrossNamespacesAndWatchUseTheClusterWidePath() {
        server.stubFor(get(urlPathEqualTo("/apis/example.com/v1/widgets")).willReturn(okJson(
                "{\"kind\":\"WidgetList\",\"metadata\":{\"resourceVersion\":\"8\"},\"items\":[" + WIDGET_JSON + "]}")));
        server.stubFor(get(urlPathEqualTo(NS_WIDGETS)).withQueryParam("watch", equalTo("true"))
                .willReturn(okJson("{\"type\":\"MODIFIED\",\"object\":" + WIDGET_JSON + "}\n")));
        StepVerifier.create(dynamic.resource(WIDGETS).list(ListOptions.DEFAULT.withFieldSelector("metadata.name=w-1")))
                .assertNext(l -> assertThat(l.items()).containsExactly(widget()))
                .expectComplete().verify(WAIT);
        StepVerifier.create(dynamic.resource(WIDGETS).namespace("ns").watch(WatchOptions.DEFAULT.withResourceVersion("8")))
                .assertNext(e -> {
                    assertThat(e.type()).isEqualTo(WatchEventType.MODIFIED);
                    assertThat(e.object().name()).isEqualTo("w-1");
                })
                .expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo("/apis/example.com/v1/widgets?fieldSelector=metadata.name%3Dw-1")));
        server.verify(getRequestedFor(urlEqualTo(NS_WIDGETS + "?resourceVersion=8&watch=true")));
    }

    @Test
    void writesSendTheUntypedObjectAsJson() {
        ResourceClient<Unstructured> widgets = dynamic.resource(WIDGETS).namespace("ns");
        completes(widgets.create(widget()));
        completes(widgets.update(widget(), UpdateOptions.DEFAULT.withDryRun(true)));
        completes(widgets.apply(widget(), "kreactor", true));
        completes(widgets.patch("w-1", PatchType.JSON, "[{\"op\":\"replace\",\"path\":\"/spec/size\",\"value\":4}]"));
        completes(widgets.patchStatus("w-1", PatchType.MERGE, Map.of("status", Map.of("ready", true)), PatchOptions.DEFAULT));
        server.verify(postRequestedFor(urlEqualTo(NS_WIDGETS)).withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson(WIDGET_JSON)));
        server.verify(putRequestedFor(urlEqualTo(NS_WIDGETS + "/w-1?dryRun=All")).withRequestBody(equalToJson(WIDGET_JSON)));
        server.verify(patchRequestedFor(urlEqualTo(NS_WIDGETS + "/w-1?fieldManager=kreactor&force=true"))
                .withHeader("Content-Type", equalTo("application/apply-patch+yaml")).withRequestBody(equalToJson(WIDGET_JSON)));
        server.verify(patchRequestedFor(urlEqualTo(NS_WIDGETS + "/w-1"))
                .withHeader("Content-Type", equalTo("application/json-patch+json"))
                .withRequestBody(equalToJson("[{\"op\":\"replace\",\"path\":\"/spec/size\",\"value\":4}]")));
        server.verify(patchRequestedFor(urlEqualTo(NS_WIDGETS + "/w-1/status"))
                .withHeader("Content-Type", equalTo("application/merge-patch+json")));
    }

    @Test
    void deletesSendDeleteOptionsAsTheBody() {
        ResourceClient<Unstructured> widgets = dynamic.resource(WIDGETS).namespace("ns");
        StepVerifier.create(widgets.delete("w-1", DeleteOptions.DEFAULT.withPropagationPolicy(PropagationPolicy.ORPHAN)))
                .expectComplete().verify(WAIT);
        StepVerifier.create(widgets.deleteCollection(ListOptions.DEFAULT.withLabelSelector("tier in (a,b)"), DeleteOptions.DEFAULT))
                .expectComplete().verify(WAIT);
        server.verify(deleteRequestedFor(urlEqualTo(NS_WIDGETS + "/w-1"))
                .withRequestBody(equalToJson("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\"}")));
        server.verify(deleteRequestedFor(urlEqualTo(NS_WIDGETS + "?labelSelector=tier+in+%28a%2Cb%29"))
                .withRequestBody(equalToJson("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}")));
    }

    @Test
    void scaleIsReadAsAnUnstructuredTree() {
        StepVerifier.create(dynamic.resource(WIDGETS).namespace("ns").getScale("w-1", Unstructured.class))
                .assertNext(s -> assertThat(s.kind()).isEqualTo("Widget"))
                .expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo(NS_WIDGETS + "/w-1/scale")));
    }

    @Test
    void clusterScopedResourceWithoutNamespaceUsesTheClusterPath() {
        Unstructured node = Unstructured.of(new GroupVersionKind("", "v1", "Node")).withName("node-1");
        completes(dynamic.resource(NODES).get("node-1"));
        completes(dynamic.resource(NODES).create(node));
        StepVerifier.create(dynamic.resource(NODES).delete("node-1")).expectComplete().verify(WAIT);
        server.verify(getRequestedFor(urlEqualTo("/api/v1/nodes/node-1")));
        server.verify(postRequestedFor(urlEqualTo("/api/v1/nodes")));
        server.verify(deleteRequestedFor(urlEqualTo("/api/v1/nodes/node-1")));
    }

    @Test
    void objectNamespaceAddressesANamespacedResourceWhenNoneIsBound() {
        completes(dynamic.resource(WIDGETS).create(widget()));
        server.verify(postRequestedFor(urlEqualTo(NS_WIDGETS)));
    }

    @Test
    void descriptorScopeIsCheckedBeforeSending() {
        ResourceClient<Unstructured> nodes = dynamic.resource(ResourceDescriptor.clusterScoped("", "v1", "nodes", "Node"));
        ResourceClient<Unstructured> widgets = dynamic.resource(ResourceDescriptor.of(WIDGETS, "Widget", true));
        StepVerifier.create(nodes.namespace("ns").get("node-1"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("cluster-scoped"))
                .verify(WAIT);
        StepVerifier.create(widgets.get("w-1"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("namespace is required"))
                .verify(WAIT);
        StepVerifier.create(widgets.namespace("ns").get("a/b"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("may not contain '/'"))
                .verify(WAIT);
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }
}
