package io.kreactor.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kreactor.core.errors.ConfigException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class KubeconfigMergeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private KubeconfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new KubeconfigFixture(tmp);
    }

    private static void expectHeader(ClientConfig config, String header) {
        StepVerifier.create(config.auth().authorization()).expectNext(header).expectComplete().verify(WAIT);
    }

    @Test
    void loadsTheCurrentContextOfASingleFile() {
        Path file = fx.write("a/config", KubeconfigFixture.simple("kind", "https://127.0.0.1:6443/", "token: tok-a"));

        ClientConfig config = fx.kubeconfigVariable(file).load();

        assertThat(config.server()).isEqualTo(URI.create("https://127.0.0.1:6443"));
        assertThat(config.namespace()).isEqualTo("default");
        assertThat(config.tls()).isEqualTo(TlsConfig.SYSTEM_DEFAULT);
        assertThat(config.source()).isEqualTo("kubeconfig " + file + ", context kind");
        assertThat(config.toString()).doesNotContain("tok-a");
        expectHeader(config, "Bearer tok-a");
    }

    @Test
    void firstFileWinsForEachClusterUserContextAndCurrentContext() {
        Path first = fx.write("first", """
                clusters:
                - name: shared
                  cluster: {server: "https://first:1"}
                users:
                - name: shared
                  user: {token: first-token}
                contexts:
                - name: shared
                  context: {cluster: shared, user: shared, namespace: first-ns}
                """);
        Path second = fx.write("second", """
                clusters:
                - name: shared
                  cluster: {server: "https://second:2"}
                - name: only-second
                  cluster: {server: "https://only-second:2"}
                users:
                - name: shared
                  user: {token: second-token}
                contexts:
                - name: shared
                  context: {cluster: only-second, user: shared, namespace: second-ns}
                - name: other
                  context: {cluster: only-second, user: shared}
                current-context: shared
                """);
        Path third = fx.write("third", """
                current-context: other
                """);

        ClientConfig config = fx.kubeconfigVariable(first, second, third).load();

        assertThat(config.server()).isEqualTo(URI.create("https://first:1"));
        assertThat(config.namespace()).isEqualTo("first-ns");
        assertThat(config.source()).isEqualTo("kubeconfig [" + first + ", " + second + ", " + third + "], context shared");
        expectHeader(config, "Bearer first-token");

        ClientConfig other = ClientConfigs.load(fx.options().withContext("other"));
        assertThat(other.server()).isEqualTo(URI.create("https://only-second:2"));
        expectHeader(other, "Bearer first-token");
    }

    @Test
    void filesInTheListThatDoNotExistAreSkipped() {
        Path real = fx.write("real", KubeconfigFixture.simple("c", "https://real:443", "token: t"));

        ClientConfig config = fx.kubeconfigVariable(tmp.resolve("missing-1"), real, tmp.resolve("missing-2")).load();

        assertThat(config.server()).isEqualTo(URI.create("https://real:443"));
        assertThat(config.source()).isEqualTo("kubeconfig " + real + ", context c");
    }

    @Test
    void explicitFileIgnoresKubeconfigVariable() {
        Path fromVariable = fx.write("var", KubeconfigFixture.simple("v", "https://var:1", "token: v"));
        Path explicit = fx.write("explicit", KubeconfigFixture.simple("e", "https://explicit:1", "token: e"));
        fx.kubeconfigVariable(fromVariable);

        ClientConfig config = ClientConfigs.load(fx.options().withKubeconfig(explicit));

        assertThat(config.server()).isEqualTo(URI.create("https://explicit:1"));
    }

    @Test
    void homeKubeConfigIsUsedWhenTheVariableIsUnset() {
        fx.write("home/.kube/config", KubeconfigFixture.simple("home", "https://home:6443", "token: h"));

        assertThat(fx.load().server()).isEqualTo(URI.create("https://home:6443"));
    }

    @Test
    void windowsStyleSeparatorSplitsTheList() {
        Path a = fx.write("a", "current-context: ctx\n");
        Path b = fx.write("b", KubeconfigFixture.simple("ctx", "https://b:1", "token: b").replace("current-context: ctx\n", ""));
        ConfigEnvironment windows = new ConfigEnvironment() {
            @Override
            public String getenv(String name) {
                return name.equals("KUBECONFIG") ? a + ";" + b : null;
            }

            @Override
            public Path homeDirectory() {
                return fx.home;
            }

            @Override
            public Path serviceAccountDirectory() {
                return fx.serviceAccount;
            }

            @Override
            public String pathListSeparator() {
                return ";";
            }
        };

        ClientConfig config = ClientConfigs.load(LoadOptions.defaults().withEnvironment(windows));

        assertThat(config.server()).isEqualTo(URI.create("https://b:1"));
        assertThat(config.source()).contains("context ctx");
    }

    @Test
    void overridesForContextNamespaceAndServerApplyLast() {
        Path file = fx.write("config", """
                clusters:
                - name: c1
                  cluster: {server: "https://one:1"}
                - name: c2
                  cluster: {server: "https://two:2"}
                contexts:
                - name: first
                  context: {cluster: c1, namespace: ns1}
                - name: second
                  context: {cluster: c2, namespace: ns2}
                current-context: first
                """);
        fx.kubeconfigVariable(file);

        ClientConfig second = ClientConfigs.load(fx.options().withContext("second"));
        assertThat(second.server()).isEqualTo(URI.create("https://two:2"));
        assertThat(second.namespace()).isEqualTo("ns2");
        assertThat(second.auth().toString()).isEqualTo("AuthProvider.none()");

        ClientConfig overridden = ClientConfigs.load(fx.options().withNamespace("custom").withServer("https://override:9"));
        assertThat(overridden.server()).isEqualTo(URI.create("https://override:9"));
        assertThat(overridden.namespace()).isEqualTo("custom");
    }

    @Test
    void relativePathsResolveAgainstTheDirectoryOfTheFileThatNamesThem() {
        Path dir = tmp.resolve("nested/kube");
        fx.write("nested/kube/token.txt", "token-from-relative-file\n");
        Path file = fx.write("nested/kube/config", KubeconfigFixture.simple("rel", "https://rel:1", "tokenFile: token.txt"));
        Path other = fx.write("elsewhere/config", "current-context: rel\n");

        ClientConfig config = fx.kubeconfigVariable(other, file).load();

        assertThat(config.auth().toString()).contains(dir.resolve("token.txt").toString());
        expectHeader(config, "Bearer token-from-relative-file");
    }

    @Test
    void emptyConfigurationFallsBackToInCluster() {
        Path empty = fx.write("empty", "");
        fx.write("serviceaccount/token", "sa-token");
        fx.env.putAll(Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"));

        ClientConfig config = fx.kubeconfigVariable(empty).load();

        assertThat(config.server()).isEqualTo(URI.create("https://10.96.0.1:443"));
        assertThat(config.source()).isEqualTo("in-cluster (service account " + fx.serviceAccount + ")");
    }

    @Test
    void noConfigurationAnywhereFailsSayingWhereItLooked() {
        assertThatThrownBy(fx::load)
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("no configuration found: no kubeconfig at " + fx.home.resolve(".kube/config"))
                .hasMessageContaining("not running in a cluster");
    }

    @Test
    void serverOverrideAloneIsEnoughWithoutKubeconfig() {
        ClientConfig config = ClientConfigs.load(fx.options().withServer("http://127.0.0.1:8080"));

        assertThat(config.server()).isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(config.namespace()).isEqualTo("default");
    }

    @Test
    void loadAsyncReadsFilesOnBoundedElastic() {
        Path file = fx.write("config", KubeconfigFixture.simple("async", "https://async:1", "token: a"));
        Mono<ClientConfig> load = ClientConfigs.loadAsync(fx.kubeconfigVariable(file).options());

        StepVerifier.create(load.map(c -> c.server().getHost() + "@" + Thread.currentThread().getName()))
                .assertNext(s -> assertThat(s).startsWith("async@boundedElastic"))
                .expectComplete()
                .verify(WAIT);
    }
}
