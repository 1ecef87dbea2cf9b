package io.kreactor.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.support.TestPki;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class InClusterConfigTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path tmp;

    private KubeconfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new KubeconfigFixture(tmp);
        fx.env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        fx.env.put("KUBERNETES_SERVICE_PORT", "443");
    }

    private void expectHeader(ClientConfig config, String header) {
        StepVerifier.create(config.auth().authorization()).expectNext(header).expectComplete().verify(WAIT);
    }

    @Test
    void usesServiceAccountTokenCaAndNamespace() {
        TestPki.Identity ca = TestPki.ec("kube-ca");
        fx.write("serviceaccount/token", "sa-token-1\n");
        fx.write("serviceaccount/ca.crt", ca.certificatePem());
        fx.write("serviceaccount/namespace", "payments\n");

        ClientConfig config = ClientConfigs.inCluster(fx.options());

        assertThat(config.server()).isEqualTo(URI.create("https://10.96.0.1:443"));
        assertThat(config.tls().trustedCertificates()).containsExactly(ca.certificate());
        assertThat(config.namespace()).isEqualTo("payments");
        assertThat(config.source()).isEqualTo("in-cluster (service account " + fx.serviceAccount + ")");
        assertThat(config.toString()).doesNotContain("sa-token-1");
        expectHeader(config, "Bearer sa-token-1");
    }

    @Test
    void rotatedServiceAccountTokenIsUsedAfterAMinute() throws IOException {
        Path token = fx.write("serviceaccount/token", "sa-token-1");
        ClientConfig config = ClientConfigs.inCluster(fx.options());
        expectHeader(config, "Bearer sa-token-1");

        Files.writeString(token, "sa-token-2");
        fx.clock.advance(Duration.ofSeconds(30));
        expectHeader(config, "Bearer sa-token-1");
        fx.clock.advance(Duration.ofSeconds(30));
        expectHeader(config, "Bearer sa-token-2");
    }

    @Test
    void ipv6ServiceHostIsBracketed() {
        fx.env.put("KUBERNETES_SERVICE_HOST", "fd00:10:96::1");
        fx.write("serviceaccount/token", "t");

        assertThat(ClientConfigs.inCluster(fx.options()).server()).isEqualTo(URI.create("https://[fd00:10:96::1]:443"));
    }

    @Test
    void podNamespaceVariableWinsAndDefaultIsTheFallback() {
        fx.write("serviceaccount/token", "t");
        assertThat(ClientConfigs.inCluster(fx.options()).namespace()).isEqualTo("default");
        assertThat(ClientConfigs.inCluster(fx.options()).tls().trustedCertificates()).isEmpty();

        fx.write("serviceaccount/namespace", "from-file");
        fx.env.put("POD_NAMESPACE", "from-env");
        assertThat(ClientConfigs.inCluster(fx.options()).namespace()).isEqualTo("from-env");
        assertThat(ClientConfigs.inCluster(fx.options().withNamespace("override")).namespace()).isEqualTo("override");
    }

    @Test
    void failsOutsideAClusterAndWithoutToken() {
        fx.env.remove("KUBERNETES_SERVICE_HOST");
        assertThatThrownBy(() -> ClientConfigs.inCluster(fx.options()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be set");

        fx.env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        assertThatThrownBy(() -> ClientConfigs.inCluster(fx.options()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("in-cluster service-account token: file " + fx.serviceAccount.resolve("token") + " does not exist");
    }

    @Test
    void inClusterAsyncReadsOnBoundedElastic() {
        fx.write("serviceaccount/token", "t");

        StepVerifier.create(ClientConfigs.inClusterAsync(fx.options()).map(c -> Thread.currentThread().getName()))
                .assertNext(name -> assertThat(name).startsWith("boundedElastic"))
                .expectComplete()
                .verify(WAIT);
    }
}
