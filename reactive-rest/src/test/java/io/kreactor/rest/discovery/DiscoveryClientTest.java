package io.kreactor.rest.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.ForbiddenException;
import io.kreactor.core.errors.ServiceUnavailableException;
import io.kreactor.rest.RestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Discovery against WireMock: aggregated and legacy documents, partial failures, broken documents. */
class DiscoveryClientTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final GroupVersion APPS_V1 = new GroupVersion("apps", "v1");
    private static final GroupVersion METRICS = new GroupVersion("metrics.k8s.io", "v1beta1");

    private WireMockServer server;
    private RestClient rest;
    private DiscoveryClient discovery;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        discovery = DiscoveryClient.create(rest);
    }

    @AfterEach
    void stop() {
        rest.dispose();
        server.stop();
    }

    private void aggregated(String path, String body) {
        server.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", DiscoveryDocs.AGGREGATED_TYPE).withBody(body)));
    }

    private void legacyServer() {
        server.stubFor(get(urlEqualTo("/api")).willReturn(okJson(DiscoveryDocs.LEGACY_API)));
        server.stubFor(get(urlEqualTo("/apis")).willReturn(okJson(DiscoveryDocs.LEGACY_APIS)));
        server.stubFor(get(urlEqualTo("/api/v1")).willReturn(okJson(DiscoveryDocs.LEGACY_CORE_V1)));
        server.stubFor(get(urlEqualTo("/apis/apps/v1")).willReturn(okJson(DiscoveryDocs.LEGACY_APPS_V1)));
    }

    @Test
    void aggregatedDiscoveryIsAskedForAndDecodedWithoutPerGroupRequests() {
        aggregated("/api", DiscoveryDocs.AGGREGATED_CORE);
        aggregated("/apis", DiscoveryDocs.AGGREGATED_APIS);

        StepVerifier.create(discovery.discover()).assertNext(result -> {
            assertThat(result.groups()).extracting(ApiGroup::name).containsExactly("", "apps", "autoscaling", "metrics.k8s.io");
            assertThat(result.group("autoscaling").orElseThrow().preferredVersion()).isEqualTo("v2");
            ApiResourceList core = result.resources(GroupVersion.CORE_V1).orElseThrow();
            assertThat(core.resources()).extracting(ApiResource::name)
                    .containsExactly("pods", "pods/status", "pods/exec", "namespaces");
            ApiResource pods = core.resources().get(0);
            assertThat(pods.namespaced()).isTrue();
            assertThat(pods.singularName()).isEqualTo("pod");
            assertThat(pods.shortNames()).containsExactly("po");
            assertThat(pods.categories()).containsExactly("all");
            assertThat(core.resources().get(2).kind()).isEqualTo("PodExecOptions");
            assertThat(core.resources().get(3).namespaced()).isFalse();
            assertThat(core.topLevel()).extracting(ApiResource::name).containsExactly("pods", "namespaces");
            ApiResource deploy = result.resources(APPS_V1).orElseThrow().resources().get(0);
            assertThat(deploy.groupVersionResource()).isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
            assertThat(result.resources(APPS_V1).orElseThrow().resources().get(1).name()).isEqualTo("deployments/scale");
            // The stale aggregated entry is reported like a failed group version.
            assertThat(result.failed()).containsOnlyKeys(METRICS);
            assertThat(result.failed().get(METRICS)).hasMessageContaining("metrics.k8s.io/v1beta1").hasMessageContaining("stale");
        }).expectComplete().verify(WAIT);

        server.verify(getRequestedFor(urlEqualTo("/apis")).withHeader("Accept", equalTo(DefaultDiscoveryClient.ACCEPT)));
        server.verify(getRequestedFor(urlEqualTo("/api")).withHeader("Accept", equalTo(DefaultDiscoveryClient.ACCEPT)));
        server.verify(0, getRequestedFor(urlEqualTo("/api/v1")));
        server.verify(0, getRequestedFor(urlEqualTo("/apis/apps/v1")));
    }

    @Test
    void preferredResourcesFollowTheFirstListedVersionOfEachGroup() {
        aggregated("/api", DiscoveryDocs.AGGREGATED_CORE);
        aggregated("/apis", DiscoveryDocs.AGGREGATED_APIS.replace("\"freshness\":\"Stale\"", "\"freshness\":\"Current\""));

        StepVerifier.create(discovery.serverPreferredResources())
                .assertNext(lists -> assertThat(lists).extracting(ApiResourceList::groupVersion).containsExactly(
                        GroupVersion.CORE_V1, APPS_V1, new GroupVersion("autoscaling", "v2"), METRICS))
                .expectComplete().verify(WAIT);
    }

    @Test
    void legacyServerIsDiscoveredThroughPerGroupDocuments() {
        legacyServer();
        server.stubFor(get(urlEqualTo("/apis/metrics.k8s.io/v1beta1")).willReturn(okJson(
                "{\"kind\":\"APIResourceList\",\"groupVersion\":\"metrics.k8s.io/v1beta1\",\"resources\":[]}")));

        StepVerifier.create(discovery.discover()).assertNext(result -> {
            assertThat(result.isComplete()).isTrue();
            assertThat(result.groups()).extracting(ApiGroup::name).containsExactly("", "apps", "metrics.k8s.io");
            assertThat(result.resources().keySet()).containsExactly(GroupVersion.CORE_V1, APPS_V1, METRICS);
            List<ApiResource> core = result.resources(GroupVersion.CORE_V1).orElseThrow().resources();
            assertThat(core).extracting(ApiResource::name).containsExactly("pods", "pods/log", "nodes");
            assertThat(core.get(2).namespaced()).isFalse();
            ApiResource scale = result.resources(APPS_V1).orElseThrow().resources().get(1);
            assertThat(scale.group()).isEqualTo("autoscaling");
            assertThat(scale.kind()).isEqualTo("Scale");
            assertThat(scale.isSubresource()).isTrue();
            assertThat(result.allResources()).hasSize(5);
        }).expectComplete().verify(WAIT);
    }

    @Test
    void failingGroupVersionYieldsPartialResultAndAnErrorNamingIt() {
        legacyServer();
        server.stubFor(get(urlEqualTo("/apis/metrics.k8s.io/v1beta1")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"service unavailable\",\"reason\":\"ServiceUnavailable\",\"code\":503}")));

        StepVerifier.create(discovery.discover()).assertNext(result -> {
            assertThat(result.isComplete()).isFalse();
            assertThat(result.resources().keySet()).containsExactly(GroupVersion.CORE_V1, APPS_V1);
            assertThat(result.failed()).containsOnlyKeys(METRICS);
            assertThat(result.failed().get(METRICS)).isInstanceOf(ServiceUnavailableException.class);
        }).expectComplete().verify(WAIT);

        StepVerifier.create(discovery.serverPreferredResources())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(GroupDiscoveryFailedException.class)
                            .hasMessageContaining("metrics.k8s.io/v1beta1").hasMessageContaining("service unavailable");
                    GroupDiscoveryFailedException failed = (GroupDiscoveryFailedException) e;
                    assertThat(failed.failedGroups()).containsOnlyKeys(METRICS);
                    assertThat(failed.partialResult().preferredResources()).extracting(ApiResourceList::groupVersion)
                            .containsExactly(GroupVersion.CORE_V1, APPS_V1);
                })
                .verify(WAIT);
    }

    @Test
    void resourceWithoutKindFailsNamingTheDocumentAndTheField() {
        server.stubFor(get(urlEqualTo("/apis/apps/v1")).willReturn(okJson(
                "{\"groupVersion\":\"apps/v1\",\"resources\":[{\"name\":\"deployments\",\"namespaced\":true},{\"name\":\"x\"}]}")));

        StepVerifier.create(discovery.serverResourcesForGroupVersion(APPS_V1))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiscoveryDocumentException.class)
                        .hasMessage("discovery document /apis/apps/v1: resources[0] has no \"kind\""))
                .verify(WAIT);
    }

    @Test
    void aggregatedResourceWithoutNameFailsNamingTheDocumentAndTheField() {
        aggregated("/api", DiscoveryDocs.AGGREGATED_CORE);
        aggregated("/apis", DiscoveryDocs.AGGREGATED_APIS.replace("\"resource\":\"deployments\",", ""));

        StepVerifier.create(discovery.discover())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(DiscoveryDocumentException.class)
                        .hasMessage("discovery document /apis: items[0].versions[0].resources[0] has no \"resource\""))
                .verify(WAIT);
    }

    @Test
    void groupListThatCannotBeReadFailsDiscoveryWithTheServersStatus() {
        server.stubFor(get(urlEqualTo("/api")).willReturn(okJson(DiscoveryDocs.LEGACY_API)));
        server.stubFor(get(urlEqualTo("/apis")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"kind\":\"Status\",\"status\":\"Failure\",\"message\":\"forbidden: User cannot get path /apis\",\"reason\":\"Forbidden\",\"code\":403}")));

        StepVerifier.create(discovery.discover())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ForbiddenException.class)
                        .hasMessageContaining("cannot get path /apis"))
                .verify(WAIT);
    }

    @Test
    void serverVersionIsDecoded() {
        server.stubFor(get(urlEqualTo("/version")).willReturn(okJson(
                "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.2\",\"gitCommit\":\"abc\",\"platform\":\"linux/amd64\"}")));

        StepVerifier.create(discovery.serverVersion())
                .assertNext(v -> {
                    assertThat(v.major()).isEqualTo("1");
                    assertThat(v.minor()).isEqualTo("31");
                    assertThat(v.gitVersion()).isEqualTo("v1.31.2");
                    assertThat(v.platform()).isEqualTo("linux/amd64");
                })
                .expectComplete().verify(WAIT);
    }

    @Test
    void serverGroupsOfALegacyServerListCoreFirst() {
        legacyServer();

        StepVerifier.create(discovery.serverGroups())
                .assertNext(groups -> assertThat(groups).extracting(ApiGroup::preferredGroupVersion)
                        .containsExactly(GroupVersion.CORE_V1, APPS_V1, METRICS))
                .expectComplete().verify(WAIT);
        server.verify(0, getRequestedFor(urlEqualTo("/api/v1")));
    }
}
