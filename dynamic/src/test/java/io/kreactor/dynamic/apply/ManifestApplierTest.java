package io.kreactor.dynamic.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.dynamic.DynamicClient;
import io.kreactor.dynamic.mapper.NoKindMatchException;
import io.kreactor.dynamic.mapper.RestMapper;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.discovery.DiscoveryClient;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code kubectl apply --server-side -f} against the embedded API server: one result per object, in order. */
class ManifestApplierTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");

    private static final String MANIFEST = """
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: settings
            data:
              color: blue
            ---
            apiVersion: example.com/v1
            kind: Widget
            metadata:
              name: w1
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: prices
              namespace: shop
            data:
              apple: "3"
            """;

    private EmbeddedApiServer server;
    private RestClient rest;
    private ManifestApplier applier;

    @BeforeEach
    void start() {
        server = EmbeddedApiServer.builder().start();
        rest = RestClient.create(server.clientConfig());
        RestMapper mapper = RestMapper.create(DiscoveryClient.cached(DiscoveryClient.create(rest), Duration.ofMinutes(5)));
        applier = ManifestApplier.create(DynamicClient.create(rest), mapper, ApplyOptions.DEFAULT.withFieldManager("shop-deployer"));
    }

    @AfterEach
    void stop() {
        rest.dispose();
        server.close();
    }

    @Test
    void reportsEachObjectAndAnUnknownKindDoesNotStopTheOthers() {
        StepVerifier.create(applier.apply(MANIFEST))
                .assertNext(r -> {
                    assertThat(r.index()).isZero();
                    assertThat(r.action()).as(r.toString()).isEqualTo(ApplyResult.Action.CREATED);
                    assertThat(r.namespace()).isNull();
                    assertThat(r).hasToString("namespace/shop created");
                })
                .assertNext(r -> {
                    assertThat(r.action()).as(r.toString()).isEqualTo(ApplyResult.Action.CREATED);
                    assertThat(r.namespace()).as("the default namespace").isEqualTo("default");
                    assertThat(r.object().nested("data", "color").asText()).isEqualTo("blue");
                })
                .assertNext(r -> {
                    assertThat(r.action()).isEqualTo(ApplyResult.Action.FAILED);
                    assertThat(r.name()).isEqualTo("w1");
                    assertThat(r.error()).isInstanceOf(NoKindMatchException.class)
                            .hasMessage("no matches for kind \"Widget\" in version \"example.com/v1\"");
                    assertThat(r.toString()).contains("widget.example.com/w1").contains("no matches for kind");
                })
                .assertNext(r -> {
                    assertThat(r.action()).as(r.toString()).isEqualTo(ApplyResult.Action.CREATED);
                    assertThat(r.namespace()).isEqualTo("shop");
                })
                .expectComplete()
                .verify(WAIT);

        assertThat(server.get(CONFIGMAPS, "default", "settings").path("data").path("color").asText()).isEqualTo("blue");
        assertThat(server.get(CONFIGMAPS, "shop", "prices").path("metadata").path("managedFields").toString())
                .contains("shop-deployer");
    }

    @Test
    void applyingAgainIsUnchangedAndAChangeIsConfigured() {
        String objects = MANIFEST.substring(MANIFEST.indexOf("apiVersion: v1\nkind: ConfigMap"), MANIFEST.indexOf("---\napiVersion: example.com"));
        StepVerifier.create(applier.apply(objects))
                .assertNext(r -> assertThat(r.action()).as(r.toString()).isEqualTo(ApplyResult.Action.CREATED))
                .expectComplete().verify(WAIT);
        StepVerifier.create(applier.apply(objects).map(ApplyResult::action))
                .expectNext(ApplyResult.Action.UNCHANGED).expectComplete().verify(WAIT);
        StepVerifier.create(applier.apply(objects.replace("blue", "green")).map(ApplyResult::action))
                .expectNext(ApplyResult.Action.CONFIGURED).expectComplete().verify(WAIT);
        assertThat(server.get(CONFIGMAPS, "default", "settings").path("data").path("color").asText()).isEqualTo("green");
    }

    @Test
    void malformedManifestFailsBeforeAnythingIsApplied() {
        StepVerifier.create(applier.apply(MANIFEST + "---\nkind: [\n"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ManifestParseException.class)
                        .hasMessageContaining("document 5"))
                .verify(WAIT);
        assertThat(server.get(CONFIGMAPS, "default", "settings")).isNull();
    }
}
