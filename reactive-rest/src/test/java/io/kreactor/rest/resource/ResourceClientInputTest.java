package io.kreactor.rest.resource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.GetOptions;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.rest.RestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.test.StepVerifier;

/** Bad input is an {@link IllegalArgumentException} naming the problem, on subscription, and nothing is sent. */
class ResourceClientInputTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final GroupVersionKind POD = new GroupVersionKind("", "v1", "Pod");

    private WireMockServer server;
    private RestClient rest;
    private ResourceClient<Unstructured> pods;
    private ResourceClient<Unstructured> nodes;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).build());
        pods = ResourceClient.create(rest, ResourceDescriptor.namespaced("", "v1", "pods", "Pod"), Unstructured.class);
        nodes = ResourceClient.create(rest, ResourceDescriptor.clusterScoped("", "v1", "nodes", "Node"), Unstructured.class);
    }

    @AfterEach
    void stop() {
        assertThat(server.findAll(anyRequestedFor(anyUrl()))).as("no request may reach the server").isEmpty();
        rest.dispose();
        server.stop();
    }

    private static void failsWith(Publisher<?> call, String... messageParts) {
        StepVerifier.create(call)
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContainingAll(messageParts))
                .verify(WAIT);
    }

    @Test
    void invalidNamesAreRejectedBeforeSending() {
        ResourceClient<Unstructured> inDefault = pods.inNamespace("default");
        failsWith(inDefault.get("a/b"), "'a/b'", "may not contain '/'");
        failsWith(inDefault.get(""), "name may not be empty");
        failsWith(inDefault.get(".."), "'..'", "may not be '..'");
        failsWith(inDefault.get("50%"), "may not contain '%'");
        failsWith(inDefault.delete("x/y"), "may not contain '/'");
        failsWith(inDefault.patch("../etc", PatchType.MERGE, Map.of()), "may not contain '/'");
    }

    @Test
    void namespacedKindWithoutNamespaceFailsNameBasedOperations() {
        failsWith(pods.get("web-0"), "get of v1, Resource=pods 'web-0'", "namespace is required", "inNamespace");
        failsWith(pods.delete("web-0"), "namespace is required");
        failsWith(pods.getScale("web-0", Unstructured.class), "namespace is required");
        failsWith(pods.create(Unstructured.of(POD).withName("web-0")), "neither the client", "metadata.namespace");
    }

    @Test
    void clusterScopedKindRejectsANamespace() {
        failsWith(nodes.inNamespace("default").get("node-1"), "v1, Resource=nodes is cluster-scoped", "'default'");
        failsWith(nodes.inNamespace("default").list(), "cluster-scoped");
        failsWith(nodes.inNamespace("default").watch(WatchOptions.DEFAULT), "cluster-scoped");
    }

    @Test
    void invalidNamespaceIsReportedWithTheRuleItBreaks() {
        failsWith(pods.inNamespace("Not_A_Label").get("x"), "invalid namespace 'Not_A_Label'", "RFC 1123 label");
        failsWith(pods.inNamespace("").list(), "must not be null or empty", "inAllNamespaces");
    }

    @Test
    void invalidSelectorsFailListWatchAndDeleteCollection() {
        failsWith(pods.list(ListOptions.DEFAULT.withLabelSelector("app in (web")), "invalid labelSelector 'app in (web'");
        failsWith(pods.listAll(ListOptions.DEFAULT.withLabelSelector("==x")), "invalid labelSelector");
        failsWith(pods.watch(WatchOptions.DEFAULT.withFieldSelector("status.phase")), "invalid fieldSelector 'status.phase'");
        failsWith(pods.inNamespace("default").deleteCollection(ListOptions.DEFAULT.withLabelSelector("a b"), DeleteOptions.DEFAULT),
                "invalid labelSelector");
    }

    @Test
    void objectNamespaceMustMatchTheClientNamespace() {
        Unstructured pod = Unstructured.of(POD).withName("web-0").withNamespace("other");
        failsWith(pods.inNamespace("default").create(pod), "metadata.namespace 'other'", "client's namespace 'default'");
        failsWith(pods.inNamespace("default").update(pod), "does not match");
    }

    @Test
    void updateAndApplyNeedTheObjectName() {
        Unstructured nameless = Unstructured.of(POD).withNamespace("default");
        failsWith(pods.update(nameless), "update of v1, Resource=pods", "no metadata.name");
        failsWith(pods.apply(nameless, "me", false), "no metadata.name");
    }

    @Test
    void patchOptionsMustFitThePatchType() {
        ResourceClient<Unstructured> inDefault = pods.inNamespace("default");
        failsWith(inDefault.patch("web-0", PatchType.MERGE, Map.of(), PatchOptions.DEFAULT.withForce(true)),
                "force is only allowed for apply patches");
        failsWith(inDefault.patch("web-0", PatchType.APPLY, Map.of(), PatchOptions.DEFAULT), "requires a fieldManager");
        failsWith(inDefault.apply(Unstructured.of(POD).withName("web-0"), "", true), "non-empty fieldManager");
        failsWith(inDefault.patch("web-0", null, Map.of()), "patch type must not be null");
    }

    @Test
    void podSubresourcesAreOnlyForPods() {
        failsWith(nodes.evict("node-1", DeleteOptions.DEFAULT), "eviction is a subresource of v1 pods only");
        failsWith(nodes.bind("node-1", "n"), "binding is a subresource of v1 pods only");
        failsWith(pods.inNamespace("default").bind("web-0", "bad/node"), "may not contain '/'");
    }

    @Test
    void missingOptionsAreNamed() {
        failsWith(pods.inNamespace("default").get("x", (GetOptions) null), "options must not be null");
        failsWith(pods.inNamespace("default").subresource("x").get(Unstructured.class), "no subresource named");
    }
}
