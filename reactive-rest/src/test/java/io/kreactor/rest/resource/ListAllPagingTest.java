package io.kreactor.rest.resource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.GoneException;
import io.kreactor.rest.RestClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code list} pages and {@code listAll}'s demand-driven paging, checked request by request with WireMock. */
class ListAllPagingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PODS = "/api/v1/namespaces/default/pods";

    private WireMockServer server;
    private RestClient rest;
    private ResourceClient<Unstructured> pods;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        pods = ResourceClient.create(rest, ResourceDescriptor.namespaced("", "v1", "pods", "Pod"), Unstructured.class)
                .inNamespace("default");
    }

    @AfterEach
    void stop() {
        rest.dispose();
        server.stop();
    }

    private static String page(String rv, String next, String... names) {
        StringBuilder items = new StringBuilder();
        for (String n : names) {
            items.append(items.length() == 0 ? "" : ",").append("{\"metadata\":{\"name\":\"").append(n).append("\"}}");
        }
        return "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\"metadata\":{\"resourceVersion\":\"" + rv + "\""
                + (next == null ? "" : ",\"continue\":\"" + next + "\"") + "},\"items\":[" + items + "]}";
    }

    private void stubThreePages() {
        server.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", absent())
                .willReturn(okJson(page("10", "t1", "a", "b"))));
        server.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo("t1"))
                .willReturn(okJson(page("10", "t2", "c", "d"))));
        server.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo("t2"))
                .willReturn(okJson(page("10", null, "e"))));
    }

    private int listRequests() {
        return server.findAll(getRequestedFor(urlPathEqualTo(PODS))).size();
    }

    @Test
    void listCollectsOnePageWithItsMetadata() {
        stubThreePages();
        StepVerifier.create(pods.list(ListOptions.DEFAULT.withLimit(2)))
                .assertNext(list -> {
                    assertThat(list.items()).extracting(Unstructured::name).containsExactly("a", "b");
                    assertThat(list.resourceVersion()).isEqualTo("10");
                    assertThat(list.continueToken()).isEqualTo("t1");
                })
                .expectComplete()
                .verify(WAIT);
        server.verify(getRequestedFor(urlPathEqualTo(PODS)).withQueryParam("limit", equalTo("2")));
    }

    @Test
    void listAllFetchesTheNextPageOnlyAfterThePreviousPageWasConsumed() {
        stubThreePages();
        StepVerifier.create(pods.listAll(ListOptions.DEFAULT.withLimit(2)), 0)
                .then(() -> assertThat(listRequests()).as("nothing is sent before demand").isZero())
                .thenRequest(1)
                .assertNext(p -> assertThat(p.name()).isEqualTo("a"))
                .then(() -> assertThat(listRequests()).as("page 2 waits until page 1 is consumed").isEqualTo(1))
                .thenRequest(1)
                .assertNext(p -> assertThat(p.name()).isEqualTo("b"))
                .thenRequest(1)
                .assertNext(p -> assertThat(p.name()).isEqualTo("c"))
                .then(() -> assertThat(listRequests()).as("page 3 waits until page 2 is consumed").isEqualTo(2))
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(2)
                .expectComplete()
                .verify(WAIT);
        assertThat(listRequests()).isEqualTo(3);
        server.verify(getRequestedFor(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo("t2"))
                .withQueryParam("limit", equalTo("2")));
    }

    @Test
    void listAllIsColdAndStartsOverOnEverySubscription() {
        stubThreePages();
        var all = pods.listAll(ListOptions.DEFAULT.withLimit(2)).map(Unstructured::name);
        StepVerifier.create(all).expectNext("a", "b", "c", "d", "e").expectComplete().verify(WAIT);
        StepVerifier.create(all).expectNext("a", "b", "c", "d", "e").expectComplete().verify(WAIT);
        assertThat(listRequests()).isEqualTo(6);
    }

    @Test
    void expiredContinueTokenFailsListAllWithGoneAfterTheItemsAlreadyDelivered() {
        server.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", absent())
                .willReturn(okJson(page("10", "t1", "a", "b"))));
        server.stubFor(get(urlPathEqualTo(PODS)).withQueryParam("continue", equalTo("t1"))
                .willReturn(aResponse().withStatus(410).withHeader("Content-Type", "application/json")
                        .withBody("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Expired\","
                                + "\"message\":\"The provided continue parameter is too old\",\"code\":410}")));
        StepVerifier.create(pods.listAll(ListOptions.DEFAULT.withLimit(2)).map(Unstructured::name))
                .expectNext("a", "b")
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(GoneException.class)
                        .hasMessageContaining("continue parameter is too old"))
                .verify(WAIT);
    }
}
