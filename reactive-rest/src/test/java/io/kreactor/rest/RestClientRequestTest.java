package io.kreactor.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.ResourceVersionMatch;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.TransportException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Exact request lines, query strings, headers and bodies for every verb and option type, checked by WireMock. */
class RestClientRequestTest {

    // Generous: the first exchange of a cold, instrumented JVM on a shared machine can take many seconds.
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final GroupVersion APPS_V1 = new GroupVersion("apps", "v1");

    private WireMockServer server;
    private RestClient rest;

    /** A small Kubernetes-shaped object. */
    record Widget(String kind, Map<String, Object> metadata, int size) {
    }

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(okJson("{\"kind\":\"Widget\",\"size\":3}")));
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).userAgent("kreactor-test/1").build());
    }

    @AfterEach
    void stop() {
        rest.dispose();
        server.stop();
    }

    @Test
    void getOfNamespacedObjectBuildsCoreApiPathAndSendsJsonAcceptAndUserAgent() {
        StepVerifier.create(rest.get().groupVersion(GroupVersion.CORE_V1).namespace("default").resource("pods")
                        .name("web-0").retrieve(Widget.class))
                .assertNext(w -> assertThat(w.size()).isEqualTo(3))
                .expectComplete()
                .verify(WAIT);

        server.verify(1, getRequestedFor(urlEqualTo("/api/v1/namespaces/default/pods/web-0"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("kreactor-test/1"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void groupedResourceUsesApisPrefixLowerCaseResourceAndSubresource() {
        StepVerifier.create(rest.get().groupVersion(APPS_V1).namespace("prod").resource("Deployments").name("web")
                        .subresource("scale").execute())
                .expectComplete()
                .verify(WAIT);

        server.verify(1, getRequestedFor(urlEqualTo("/apis/apps/v1/namespaces/prod/deployments/web/scale")));
    }

    @Test
    void clusterScopedListEncodesOptionsAsSortedQueryParameters() {
        ListOptions options = ListOptions.DEFAULT.withLabelSelector("app in (web, api),tier!=db")
                .withFieldSelector("status.phase=Running").withLimit(500).withContinue("abc/+=")
                .withResourceVersion("12").withResourceVersionMatch(ResourceVersionMatch.NOT_OLDER_THAN)
                .withTimeoutSeconds(30);

        StepVerifier.create(rest.get().groupVersion(GroupVersion.CORE_V1).resource("nodes").options(options)
                        .param("pretty", "true").retrieve(Widget.class))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);

        server.verify(1, getRequestedFor(urlEqualTo("/api/v1/nodes?continue=abc%2F%2B%3D"
                + "&fieldSelector=status.phase%3DRunning&labelSelector=app+in+%28web%2C+api%29%2Ctier%21%3Ddb"
                + "&limit=500&pretty=true&resourceVersion=12&resourceVersionMatch=NotOlderThan&timeoutSeconds=30")));
    }

    @Test
    void repeatedParameterKeepsEveryValueInOrder() {
        StepVerifier.create(rest.get().absPath("/apis").param("b", "2").param("a", "z").param("a", "y").execute())
                .expectComplete()
                .verify(WAIT);

        server.verify(1, getRequestedFor(urlEqualTo("/apis?a=z&a=y&b=2")));
    }

    @Test
    void absolutePathIsUsedAsGivenAndKeepsItsTrailingSlash() {
        StepVerifier.create(rest.get().absPath("/version").execute()).expectComplete().verify(WAIT);
        StepVerifier.create(rest.get().absPath("/apis/", "metrics.k8s.io/").execute()).expectComplete().verify(WAIT);

        server.verify(1, getRequestedFor(urlEqualTo("/version")));
        server.verify(1, getRequestedFor(urlEqualTo("/apis/metrics.k8s.io/")));
    }

    @Test
    void serverPathPrefixIsKeptInFrontOfEveryPath() {
        RestClient prefixed = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port() + "/k8s/clusters/c1/").build());
        try {
            StepVerifier.create(prefixed.get().groupVersion(GroupVersion.CORE_V1).resource("namespaces").execute())
                    .expectComplete()
                    .verify(WAIT);
        } finally {
            prefixed.dispose();
        }

        server.verify(1, getRequestedFor(urlEqualTo("/k8s/clusters/c1/api/v1/namespaces")));
    }

    @Test
    void namesArePercentEncoded() {
        StepVerifier.create(rest.get().groupVersion(GroupVersion.CORE_V1).resource("configmaps").name("a b:c?#")
                        .execute())
                .expectComplete()
                .verify(WAIT);

        assertThat(server.getAllServeEvents()).singleElement()
                .satisfies(e -> assertThat(e.getRequest().getUrl()).isEqualTo("/api/v1/configmaps/a%20b:c%3F%23"));
    }

    @Test
    void invalidNameIsReportedWhenSubscribedAndNothingIsSent() {
        Request request = rest.get().groupVersion(GroupVersion.CORE_V1).resource("pods").name("a/b").namespace("..");

        assertThat(request.url()).contains("invalid resource name 'a/b'");
        StepVerifier.create(request.retrieve(Widget.class))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("invalid resource name 'a/b': may not contain '/'"))
                .verify(WAIT);
        StepVerifier.create(rest.get().resource("pods").name("..").execute())
                .expectErrorMessage("GET request: invalid resource name '..': may not be '..'")
                .verify(WAIT);
        StepVerifier.create(rest.get().resource("pods").name("").execute())
                .expectErrorMessage("GET request: resource name may not be empty")
                .verify(WAIT);

        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void namespaceOnAnAbsolutePathIsRejected() {
        StepVerifier.create(rest.get().absPath("/version").namespace("default").execute())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("namespace ('default') cannot be combined with an absolute path"))
                .verify(WAIT);
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void postSendsTheBodyAsJsonWithItsContentType() {
        Widget widget = new Widget("Widget", Map.of("name", "w1"), 7);

        StepVerifier.create(rest.post().groupVersion(APPS_V1).namespace("ns").resource("widgets").body(widget)
                        .retrieve(Widget.class))
                .expectNextCount(1)
                .expectComplete()
                .verify(WAIT);

        server.verify(1, postRequestedFor(urlEqualTo("/apis/apps/v1/namespaces/ns/widgets"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("Content-Length", equalTo(Integer.toString(
                        "{\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\"},\"size\":7}".length())))
                .withRequestBody(equalToJson("{\"kind\":\"Widget\",\"metadata\":{\"name\":\"w1\"},\"size\":7}")));
    }

    @Test
    void putReplacesTheNamedObject() {
        StepVerifier.create(rest.put().groupVersion(APPS_V1).namespace("ns").resource("widgets").name("w1")
                        .body(Map.of("size", 9)).execute())
                .expectComplete()
                .verify(WAIT);

        server.verify(1, putRequestedFor(urlEqualTo("/apis/apps/v1/namespaces/ns/widgets/w1"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"size\":9}")));
    }

    @Test
    void everyPatchTypeSendsItsOwnContentType() {
        for (PatchType type : PatchType.values()) {
            Object body = type == PatchType.JSON ? List.of(Map.of("op", "remove", "path", "/spec/x")) : Map.of("spec", Map.of("x", 1));
            StepVerifier.create(rest.patch(type).groupVersion(APPS_V1).namespace("ns").resource("widgets").name("w1")
                            .param("fieldManager", "me").body(body).execute())
                    .expectComplete()
                    .verify(WAIT);
            server.verify(1, patchRequestedFor(urlEqualTo("/apis/apps/v1/namespaces/ns/widgets/w1?fieldManager=me"))
                    .withHeader("Content-Type", equalTo(type.contentType())));
        }
    }

    @Test
    void applyPatchSendsAStringBodyVerbatimAsYaml() {
        String yaml = "apiVersion: apps/v1\nkind: Widget\nmetadata:\n  name: w1\n";

        StepVerifier.create(rest.patch(PatchType.APPLY).groupVersion(APPS_V1).namespace("ns").resource("widgets")
                        .name("w1").param("fieldManager", "me").param("force", "true").body(yaml).execute())
                .expectComplete()
                .verify(WAIT);

        server.verify(1, patchRequestedFor(urlEqualTo("/apis/apps/v1/namespaces/ns/widgets/w1?fieldManager=me&force=true"))
                .withHeader("Content-Type", equalTo("application/apply-patch+yaml"))
                .withRequestBody(equalTo(yaml)));
    }

    @Test
    void deleteCarriesDeleteOptionsBody() {
        StepVerifier.create(rest.delete().groupVersion(GroupVersion.CORE_V1).namespace("ns").resource("pods").name("p")
                        .body(Map.of("kind", "DeleteOptions", "apiVersion", "v1", "propagationPolicy", "Foreground"))
                        .execute())
                .expectComplete()
                .verify(WAIT);

        server.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/namespaces/ns/pods/p"))
                .withRequestBody(equalToJson("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Foreground\"}")));
    }

    @Test
    void rawBodyIsSentAsIsWithTheGivenContentTypeAndCustomHeaders() {
        byte[] bytes = "not json \u00e9".getBytes(StandardCharsets.UTF_8);

        StepVerifier.create(rest.verb("POST").absPath("/raw").header("X-Trace", "1").header("x-trace", "2")
                        .body(bytes, "application/octet-stream").execute())
                .expectComplete()
                .verify(WAIT);

        server.verify(1, postRequestedFor(urlEqualTo("/raw"))
                .withHeader("Content-Type", equalTo("application/octet-stream"))
                .withHeader("X-Trace", equalTo("2"))
                .withRequestBody(equalTo("not json \u00e9")));
    }

    @Test
    void everySubscriptionSendsTheRequestAgain() {
        var mono = rest.get().absPath("/version").execute();
        StepVerifier.create(mono).expectComplete().verify(WAIT);
        StepVerifier.create(mono).expectComplete().verify(WAIT);

        server.verify(2, getRequestedFor(urlEqualTo("/version")));
    }

    @Test
    void exchangeReturnsAFailureAnswerAsIsWithLowerCaseHeaders() {
        server.stubFor(any(urlEqualTo("/missing")).willReturn(aResponse().withStatus(404)
                .withHeader("X-Extra", "v").withBody("nope")));

        StepVerifier.create(rest.get().absPath("/missing").exchange())
                .assertNext(r -> {
                    assertThat(r.statusCode()).isEqualTo(404);
                    assertThat(r.header("X-EXTRA")).isEqualTo("v");
                    assertThat(r.headers()).containsKey("x-extra");
                    assertThat(r.bodyAsString()).isEqualTo("nope");
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void retrieveOfAnEmptySuccessfulBodyCompletesEmpty() {
        server.stubFor(any(urlEqualTo("/empty")).willReturn(aResponse().withStatus(200)));

        StepVerifier.create(rest.get().absPath("/empty").retrieve(Widget.class)).expectComplete().verify(WAIT);
    }

    @Test
    void undecodableBodyIsATransportErrorNamingTheType() {
        server.stubFor(any(urlEqualTo("/garbage")).willReturn(okJson("{\"size\": \"many\"")));

        StepVerifier.create(rest.get().absPath("/garbage").retrieve(Widget.class))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageContaining("GET http://127.0.0.1:" + server.port() + "/garbage")
                        .hasMessageContaining("cannot decode the response body as " + Widget.class.getName()))
                .verify(WAIT);
    }

    @Test
    void listEmitsMetadataThenEachItem() {
        server.stubFor(any(urlEqualTo("/apis/apps/v1/widgets?limit=2")).willReturn(okJson(
                "{\"kind\":\"WidgetList\",\"metadata\":{\"resourceVersion\":\"41\",\"continue\":\"next\"},"
                        + "\"items\":[{\"kind\":\"Widget\",\"size\":1},{\"kind\":\"Widget\",\"size\":2}]}")));

        StepVerifier.create(rest.get().groupVersion(APPS_V1).resource("widgets").options(ListOptions.DEFAULT.withLimit(2))
                        .list(Widget.class))
                .expectNext(new ListElement.Metadata<>(new ListMeta("41", "next", null)))
                .assertNext(e -> assertThat(((ListElement.Item<Widget>) e).item().size()).isEqualTo(1))
                .assertNext(e -> assertThat(((ListElement.Item<Widget>) e).item().size()).isEqualTo(2))
                .expectComplete()
                .verify(WAIT);
    }

    /** A widget that remembers which thread bound it. */
    record BoundWidget(int size, String boundOn) {
        @JsonCreator
        BoundWidget(@JsonProperty("size") int size) {
            this(size, Thread.currentThread().getName());
        }
    }

    @Test
    void listItemsAreBoundOnReactorsParallelSchedulerOrOnTheEventLoopWhenDecodeParallelismIsZero() {
        server.stubFor(any(urlEqualTo("/apis/apps/v1/widgets")).willReturn(okJson(
                "{\"metadata\":{\"resourceVersion\":\"41\"},\"items\":[{\"size\":1},{\"size\":2},{\"size\":3}]}")));
        ClientConfig base = ClientConfig.builder("http://127.0.0.1:" + server.port()).build();

        for (int parallelism : new int[] {2, 0}) {
            RestClient client = RestClient.create(base.withDecodeParallelism(parallelism));
            try {
                List<BoundWidget> widgets = client.get().groupVersion(APPS_V1).resource("widgets").list(BoundWidget.class)
                        .ofType(ListElement.Item.class).map(item -> (BoundWidget) item.item())
                        .collectList().block(WAIT);
                assertThat(widgets).extracting(BoundWidget::size).containsExactly(1, 2, 3);
                assertThat(widgets).extracting(BoundWidget::boundOn).allSatisfy(thread ->
                        assertThat(thread).startsWith(parallelism == 0 ? "reactor-http-" : "parallel-"));
            } finally {
                client.dispose();
            }
        }
    }

    @Test
    void streamCopiesTheRawBody() {
        server.stubFor(any(urlEqualTo("/api/v1/namespaces/ns/pods/p/log?follow=true"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("line 1\nline 2\n")));

        StepVerifier.create(rest.get().groupVersion(GroupVersion.CORE_V1).namespace("ns").resource("pods").name("p")
                        .subresource("log").param("follow", "true").stream()
                        .reduce(new StringBuilder(), (sb, chunk) -> sb.append(new String(chunk, StandardCharsets.UTF_8)))
                        .map(StringBuilder::toString))
                .expectNext("line 1\nline 2\n")
                .expectComplete()
                .verify(WAIT);
    }
}
