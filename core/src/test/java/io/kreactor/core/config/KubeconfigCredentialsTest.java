package io.kreactor.core.config;

import static io.kreactor.core.config.KubeconfigFixture.base64;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.support.TestPki;
import io.kreactor.core.support.TestPki.Identity;
import io.kreactor.core.tls.KeyMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class KubeconfigCredentialsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Identity CA = TestPki.rsa("cluster-ca");
    private static final Identity RSA_USER = TestPki.rsa("rsa-user");
    private static final Identity EC_USER = TestPki.ec("ec-user");

    @TempDir
    Path tmp;

    private KubeconfigFixture fx;

    @BeforeEach
    void setUp() {
        fx = new KubeconfigFixture(tmp);
    }

    private ClientConfig load(String clusterFields, String userFields) {
        Path file = fx.write("kube/config", """
                clusters:
                - name: c
                  cluster:
                %s
                users:
                - name: u
                  user:
                %s
                contexts:
                - name: ctx
                  context: {cluster: c, user: u, namespace: team-a}
                current-context: ctx
                """.formatted(clusterFields.indent(4).stripTrailing(), userFields.indent(4).stripTrailing()));
        return fx.kubeconfigVariable(file).load();
    }

    private static void expectHeader(ClientConfig config, String header) {
        StepVerifier.create(config.auth().authorization()).expectNext(header).expectComplete().verify(WAIT);
    }

    private static KeyMaterial keyMaterial(ClientConfig config) {
        KeyMaterial[] out = new KeyMaterial[1];
        StepVerifier.create(config.tls().clientCertificate().current()).consumeNextWith(m -> out[0] = m)
                .expectComplete().verify(WAIT);
        return out[0];
    }

    @Test
    void clusterTlsSettingsBecomeTlsConfigAndProxyConfig() {
        ClientConfig config = load("""
                server: https://api.example:6443
                certificate-authority-data: %s
                tls-server-name: kubernetes.default
                proxy-url: socks5://proxy.local:1080
                """.formatted(base64(CA.certificatePem())), "token: t");

        assertThat(config.tls().trustedCertificates()).containsExactly(CA.certificate());
        assertThat(config.tls().serverName()).isEqualTo("kubernetes.default");
        assertThat(config.tls().insecureSkipTlsVerify()).isFalse();
        assertThat(config.proxy()).isEqualTo(new io.kreactor.core.config.ProxyConfig(ProxyConfig.Type.SOCKS5,
                "proxy.local", 1080, null, null));
        assertThat(config.namespace()).isEqualTo("team-a");
    }

    @Test
    void certificateAuthorityFileIsRelativeToTheKubeconfigAndInsecureIsHonoured() {
        fx.write("kube/pki/ca.crt", CA.certificatePem());
        ClientConfig withCa = load("server: https://a:1\ncertificate-authority: pki/ca.crt", "token: t");
        assertThat(withCa.tls().trustedCertificates()).containsExactly(CA.certificate());

        ClientConfig insecure = load("server: https://a:1\ninsecure-skip-tls-verify: true", "token: t");
        assertThat(insecure.tls().insecureSkipTlsVerify()).isTrue();
        assertThat(insecure.tls().trustedCertificates()).isEmpty();
    }

    @Test
    void clientCertificateDataWithPkcs1RsaKey() {
        ClientConfig config = load("server: https://a:1", """
                client-certificate-data: %s
                client-key-data: %s
                """.formatted(base64(RSA_USER.certificatePem()), base64(RSA_USER.traditionalPem())));

        KeyMaterial material = keyMaterial(config);
        assertThat(material.chain()).containsExactly(RSA_USER.certificate());
        assertThat(material.privateKey().getEncoded()).isEqualTo(RSA_USER.privateKey().getEncoded());
        StepVerifier.create(config.auth().authorization()).expectComplete().verify(WAIT);
    }

    @Test
    void clientCertificateFilesWithSec1EcKeyResolvedRelativeToTheKubeconfig() {
        fx.write("kube/certs/user.crt", EC_USER.certificatePem());
        fx.write("kube/certs/user.key", EC_USER.traditionalPem());

        ClientConfig config = load("server: https://a:1", "client-certificate: certs/user.crt\nclient-key: certs/user.key");

        KeyMaterial material = keyMaterial(config);
        assertThat(material.chain()).containsExactly(EC_USER.certificate());
        assertThat(material.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(config.tls().clientCertificate().toString()).contains(tmp.resolve("kube/certs/user.crt").toString());
    }

    @Test
    void mismatchedKeyFileFailsNamingBothFieldsAndFiles() {
        fx.write("kube/user.crt", RSA_USER.certificatePem());
        fx.write("kube/user.key", EC_USER.pkcs8Pem());

        assertThatThrownBy(() -> load("server: https://a:1", "client-certificate: user.crt\nclient-key: user.key"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("users[name=u].user.client-key (" + tmp.resolve("kube/user.key") + ")")
                .hasMessageContaining("users[name=u].user.client-certificate (" + tmp.resolve("kube/user.crt") + ")")
                .hasMessageContaining("does not match");
    }

    @Test
    void encryptedKeyDataFailsClearly() {
        assertThatThrownBy(() -> load("server: https://a:1", """
                client-certificate-data: %s
                client-key-data: %s
                """.formatted(base64(RSA_USER.certificatePem()), base64(RSA_USER.encryptedPkcs8Pem()))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("users[name=u].user.client-key-data is encrypted");
    }

    @Test
    void certificateWithoutKeyFailsClearly() {
        assertThatThrownBy(() -> load("server: https://a:1", "client-certificate-data: " + base64(RSA_USER.certificatePem())))
                .hasMessageContaining("users[name=u].user: client-certificate(-data) is set but client-key(-data) is not");
    }

    @Test
    void tokenFileIsReReadAfterThePeriod() throws IOException {
        Path token = fx.write("kube/token", "first");
        ClientConfig config = ClientConfigs.load(fx.kubeconfigVariable(
                fx.write("kube/config", KubeconfigFixture.simple("c", "https://a:1", "tokenFile: token")))
                .options().withTokenFilePeriod(Duration.ofSeconds(30)));
        expectHeader(config, "Bearer first");

        Files.writeString(token, "second");
        fx.clock.advance(Duration.ofSeconds(30));

        expectHeader(config, "Bearer second");
    }

    @Test
    void basicAuthAndOidcIdToken() {
        ClientConfig basic = load("server: https://a:1\nproxy-url: http://proxyuser:proxypass@proxy:3128",
                "username: admin\npassword: hunter2");
        expectHeader(basic, "Basic YWRtaW46aHVudGVyMg==");
        assertThat(basic.proxy().username()).isEqualTo("proxyuser");
        assertThat(basic.toString()).contains("admin").doesNotContain("hunter2").doesNotContain("proxypass");

        ClientConfig oidc = load("server: https://a:1", """
                auth-provider:
                  name: oidc
                  config:
                    id-token: eyJhbGciOi.id.token
                    refresh-token: refresh-secret
                    idp-issuer-url: https://issuer.example
                """);
        expectHeader(oidc, "Bearer eyJhbGciOi.id.token");
        assertThat(oidc.toString()).doesNotContain("eyJhbGciOi").doesNotContain("refresh-secret");
    }

    @Test
    void otherAuthProvidersPointToExecPlugins() {
        assertThatThrownBy(() -> load("server: https://a:1", "auth-provider:\n  name: gcp\n  config: {access-token: ya29.secret}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("users[name=u].user.auth-provider: the 'gcp' auth provider is not supported")
                .hasMessageContaining("exec credential plugin")
                .hasMessageNotContaining("ya29");
    }

    @Test
    void oidcWithoutIdTokenFailsClearly() {
        assertThatThrownBy(() -> load("server: https://a:1", "auth-provider:\n  name: oidc\n  config: {refresh-token: r}"))
                .hasMessageContaining("users[name=u].user.auth-provider.config.id-token: missing");
    }

    @Test
    void moreThanOneAuthenticationMethodIsRejected() {
        assertThatThrownBy(() -> load("server: https://a:1", "token: t\nusername: u\npassword: p"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("more than one authentication method found for user 'u'")
                .hasMessageNotContaining(": t\n");
    }

    @Test
    void impersonationIsRejectedRatherThanSilentlyIgnored() {
        assertThatThrownBy(() -> load("server: https://a:1", "token: t\nas: admin"))
                .hasMessageContaining("users[name=u].user.as: impersonation (as) is not supported");
    }

    @Test
    void execPluginWithRelativeCommandGetsTheClusterInfo() throws IOException {
        Path script = fx.write("kube/bin/login.sh", """
                #!/bin/sh
                printf '%s' "$KUBERNETES_EXEC_INFO" > "$OUT"
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"exec-token"}}'
                """);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Path out = tmp.resolve("info.json");

        ClientConfig config = load("server: https://a:1\ninsecure-skip-tls-verify: true", """
                exec:
                  apiVersion: client.authentication.k8s.io/v1
                  command: ./bin/login.sh
                  env:
                  - name: OUT
                    value: %s
                  interactiveMode: Never
                  provideClusterInfo: true
                """.formatted(out));

        expectHeader(config, "Bearer exec-token");
        assertThat(Files.readString(out)).contains("\"server\":\"https://a:1\"").contains("\"insecure-skip-tls-verify\":true");
    }

    @Test
    void execV1WithoutInteractiveModeFailsButV1beta1DefaultsToIfAvailable() {
        assertThatThrownBy(() -> load("server: https://a:1",
                "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: login"))
                .hasMessageContaining("users[name=u].user.exec.interactiveMode: missing");

        ClientConfig beta = load("server: https://a:1",
                "exec:\n  apiVersion: client.authentication.k8s.io/v1beta1\n  command: login");
        assertThat(beta.auth().toString()).contains("interactiveMode=IfAvailable");
    }

    @Test
    void execStanzaErrorsNameTheField() {
        assertThatThrownBy(() -> load("server: https://a:1",
                "exec:\n  apiVersion: client.authentication.k8s.io/v1alpha1\n  command: login"))
                .hasMessageContaining("users[name=u].user.exec.apiVersion: unsupported value 'client.authentication.k8s.io/v1alpha1'");
        assertThatThrownBy(() -> load("server: https://a:1",
                "exec:\n  apiVersion: client.authentication.k8s.io/v1\n  command: login\n  interactiveMode: Sometimes"))
                .hasMessageContaining("users[name=u].user.exec.interactiveMode: invalid value 'Sometimes'");
        assertThatThrownBy(() -> load("server: https://a:1", "exec:\n  apiVersion: client.authentication.k8s.io/v1"))
                .hasMessageContaining("users[name=u].user.exec.command: missing");
    }
}
