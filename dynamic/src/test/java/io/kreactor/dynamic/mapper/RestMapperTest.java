package io.kreactor.dynamic.mapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.discovery.DiscoveryClient;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** kubectl-style resolution over aggregated discovery served by WireMock, with the refresh on a miss. */
class RestMapperTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    static final String TYPE = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    static final String CORE = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[
              {"metadata":{},"versions":[{"version":"v1","resources":[
                {"resource":"pods","responseKind":{"kind":"Pod"},"scope":"Namespaced","singularResource":"pod","verbs":["get"],"shortNames":["po"],
                 "subresources":[{"subresource":"status","responseKind":{"kind":"Pod"},"verbs":["get"]}]},
                {"resource":"services","responseKind":{"kind":"Service"},"scope":"Namespaced","singularResource":"service","verbs":["get"],"shortNames":["svc"]},
                {"resource":"events","responseKind":{"kind":"Event"},"scope":"Namespaced","singularResource":"event","verbs":["get"],"shortNames":["ev"]},
                {"resource":"namespaces","responseKind":{"kind":"Namespace"},"scope":"Cluster","singularResource":"namespace","verbs":["get"],"shortNames":["ns"]}]}]}]}
            """;

    static final String APIS = """
            {"kind":"APIGroupDiscoveryList","apiVersion":"apidiscovery.k8s.io/v2","items":[
              {"metadata":{"name":"apps"},"versions":[{"version":"v1","resources":[
                {"resource":"deployments","responseKind":{"kind":"Deployment"},"scope":"Namespaced","singularResource":"deployment","verbs":["get"],"shortNames":["deploy"]}]}]},
              {"metadata":{"name":"events.k8s.io"},"versions":[{"version":"v1","resources":[
                {"resource":"events","responseKind":{"kind":"Event"},"scope":"Namespaced","singularResource":"event","verbs":["get"],"shortNames":["ev"]}]}]},
              {"metadata":{"name":"autoscaling"},"versions":[
                {"version":"v2","resources":[{"resource":"horizontalpodautoscalers","responseKind":{"kind":"HorizontalPodAutoscaler"},"scope":"Namespaced","singularResource":"horizontalpodautoscaler","verbs":["get"],"shortNames":["hpa"]}]},
                {"version":"v1","resources":[{"resource":"horizontalpodautoscalers","responseKind":{"kind":"HorizontalPodAutoscaler"},"scope":"Namespaced","singularResource":"horizontalpodautoscaler","verbs":["get"],"shortNames":["hpa"]}]}]}
              %s]}
            """;

    static final String WIDGETS = """
              ,{"metadata":{"name":"example.com"},"versions":[{"version":"v1","resources":[
                {"resource":"widgets","responseKind":{"kind":"Widget"},"scope":"Cluster","singularResource":"widget","verbs":["get"],"shortNames":["wd"]}]}]}
            """;

    private WireMockServer server;
    private RestClient rest;
    private RestMapper mapper;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        serve("/api", CORE);
        serve("/apis", APIS.formatted(""));
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        mapper = RestMapper.create(DiscoveryClient.cached(DiscoveryClient.create(rest), Duration.ofMinutes(10)));
    }

    @AfterEach
    void stop() {
        rest.dispose();
        server.stop();
    }

    static void serve(WireMockServer server, String path, String body) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withHeader("Content-Type", TYPE).withBody(body)));
    }

    private void serve(String path, String body) {
        serve(server, path, body);
    }

    private void expectResolved(String arg, GroupVersionResource gvr, String kind, boolean namespaced) {
        StepVerifier.create(mapper.resolve(arg)).assertNext(m -> {
            assertThat(m.resource()).as(arg).isEqualTo(gvr);
            assertThat(m.kind().kind()).as(arg).isEqualTo(kind);
            assertThat(m.namespaced()).as(arg).isEqualTo(namespaced);
        }).expectComplete().verify(WAIT);
    }

    @Test
    void resolvesShortSingularPluralAndKindNamesAsKubectlDoes() {
        GroupVersionResource pods = new GroupVersionResource("", "v1", "pods");
        GroupVersionResource deployments = new GroupVersionResource("apps", "v1", "deployments");
        expectResolved("po", pods, "Pod", true);
        expectResolved("pod", pods, "Pod", true);
        expectResolved("pods", pods, "Pod", true);
        expectResolved("Pod", pods, "Pod", true);
        expectResolved("deploy", deployments, "Deployment", true);
        expectResolved("Deployment", deployments, "Deployment", true);
        expectResolved("svc", new GroupVersionResource("", "v1", "services"), "Service", true);
        expectResolved("ns", new GroupVersionResource("", "v1", "namespaces"), "Namespace", false);
        // The same name in two groups: the core group comes first in discovery order.
        expectResolved("events", new GroupVersionResource("", "v1", "events"), "Event", true);
        server.verify(1, getRequestedFor(urlEqualTo("/apis")));
    }

    @Test
    void resolvesGroupQualifiedAndFullyQualifiedNames() {
        expectResolved("deployments.apps", new GroupVersionResource("apps", "v1", "deployments"), "Deployment", true);
        expectResolved("events.events.k8s.io", new GroupVersionResource("events.k8s.io", "v1", "events"), "Event", true);
        expectResolved("hpa", new GroupVersionResource("autoscaling", "v2", "horizontalpodautoscalers"), "HorizontalPodAutoscaler", true);
        expectResolved("horizontalpodautoscalers.v1.autoscaling",
                new GroupVersionResource("autoscaling", "v1", "horizontalpodautoscalers"), "HorizontalPodAutoscaler", true);
    }

    @Test
    void mapsKindsToResourcesInThePreferredVersionAndBack() {
        StepVerifier.create(mapper.mapping("autoscaling", "HorizontalPodAutoscaler"))
                .assertNext(m -> assertThat(m.resource().version()).isEqualTo("v2"))
                .expectComplete().verify(WAIT);
        StepVerifier.create(mapper.mapping(new GroupVersionKind("autoscaling", "v1", "HorizontalPodAutoscaler")))
                .assertNext(m -> {
                    assertThat(m.resource()).isEqualTo(new GroupVersionResource("autoscaling", "v1", "horizontalpodautoscalers"));
                    ResourceDescriptor d = m.descriptor();
                    assertThat(d.scope()).isEqualTo(ResourceDescriptor.Scope.NAMESPACED);
                    assertThat(d.shortNames()).containsExactly("hpa");
                })
                .expectComplete().verify(WAIT);
        StepVerifier.create(mapper.kindFor(new GroupVersionResource("apps", "v1", "deployments")))
                .expectNext(new GroupVersionKind("apps", "v1", "Deployment"))
                .expectComplete().verify(WAIT);
    }

    @Test
    void missRereadsDiscoveryOnceAndFindsANewlyInstalledKind() {
        expectResolved("pods", new GroupVersionResource("", "v1", "pods"), "Pod", true);
        serve("/apis", APIS.formatted(WIDGETS));

        StepVerifier.create(mapper.mapping(new GroupVersionKind("example.com", "v1", "Widget")))
                .assertNext(m -> {
                    assertThat(m.resource()).isEqualTo(new GroupVersionResource("example.com", "v1", "widgets"));
                    assertThat(m.namespaced()).isFalse();
                })
                .expectComplete().verify(WAIT);
        expectResolved("wd", new GroupVersionResource("example.com", "v1", "widgets"), "Widget", false);
        server.verify(2, getRequestedFor(urlEqualTo("/apis")));
    }

    @Test
    void missAfterTheRefreshFailsWithNoKindMatch() {
        StepVerifier.create(mapper.mapping("example.com", "Gadget"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NoKindMatchException.class)
                        .hasMessage("no matches for kind \"Gadget\" in group \"example.com\""))
                .verify(WAIT);
        server.verify(2, getRequestedFor(urlEqualTo("/apis")));

        StepVerifier.create(mapper.mapping(new GroupVersionKind("apps", "v1beta1", "Deployment")))
                .expectErrorMessage("no matches for kind \"Deployment\" in version \"apps/v1beta1\"")
                .verify(WAIT);
        StepVerifier.create(mapper.resolve("gadgets"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(NoResourceMatchException.class)
                        .hasMessage("the server doesn't have a resource type \"gadgets\""))
                .verify(WAIT);
    }

    @Test
    void subresourcesAreNotResolvedAsResources() {
        StepVerifier.create(mapper.resolve("pods/status"))
                .expectError(NoResourceMatchException.class)
                .verify(WAIT);
    }
}
