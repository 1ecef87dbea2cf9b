package io.kreactor.core.config;

import static io.kreactor.core.config.KubeconfigFixture.base64;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kreactor.core.errors.ConfigException;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigErrorsTest {

    @TempDir
    Path tmp;

    private KubeconfigFixture fx;
    private Path file;

    @BeforeEach
    void setUp() {
        fx = new KubeconfigFixture(tmp);
        file = tmp.resolve("config");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> loading(String yaml) {
        fx.write("config", yaml);
        return assertThatThrownBy(() -> ClientConfigs.load(fx.options().withKubeconfig(file)))
                .isInstanceOf(ConfigException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> loadingCluster(String clusterFields) {
        return loading("""
                clusters:
                - name: c
                  cluster:
                %s
                contexts:
                - name: ctx
                  context: {cluster: c}
                current-context: ctx
                """.formatted(clusterFields.indent(4).stripTrailing()));
    }

    @Test
    void explicitFileThatDoesNotExist() {
        assertThatThrownBy(() -> ClientConfigs.load(fx.options().withKubeconfig(tmp.resolve("nope"))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("kubeconfig " + tmp.resolve("nope") + " (given explicitly) does not exist");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() {
        loading("""
                clusters:
                - name: c
                  cluster:
                    server: "https://unterminated
                current-context: c
                """)
                .hasMessageStartingWith("kubeconfig " + file + " is not valid YAML at line 6, column 1: found unexpected"
                        + " end of stream (while scanning a quoted scalar at line 4, column 13)");
        loading("""
                clusters:
                - name: c
                  cluster: server: https://a:1
                """)
                .hasMessage("kubeconfig " + file + " is not valid YAML at line 3, column 18: mapping values are not"
                        + " allowed here");
    }

    @Test
    void topLevelThatIsNotAMapping() {
        loading("- just\n- a list\n").hasMessage("kubeconfig " + file + " must be a mapping with clusters, users and contexts");
    }

    @Test
    void wrongFieldTypesNameThePathAndValue() {
        loadingCluster("server: https://a:1\ninsecure-skip-tls-verify: maybe")
                .hasMessage("kubeconfig " + file + ": clusters[name=c].cluster.insecure-skip-tls-verify: expected a"
                        + " boolean (true or false) but found a string 'maybe'");
        loading("clusters: {c: {server: x}}\n")
                .hasMessage("kubeconfig " + file + ": clusters: expected a list but found a mapping '{c={server=x}}'");
        loading("clusters:\n- name: c\n  cluster: {server: [a, b]}\n")
                .hasMessageContaining("clusters[name=c].cluster.server: expected a string but found a list");
    }

    @Test
    void wrongTypeOfASecretFieldDoesNotShowTheValue() {
        loading("""
                users:
                - name: u
                  user: {token: 123456789}
                """)
                .hasMessage("kubeconfig " + file + ": users[name=u].user.token: expected a string but found a number");
    }

    @Test
    void entryWithoutName() {
        loading("contexts:\n- context: {cluster: c}\n")
                .hasMessage("kubeconfig " + file + ": contexts[0].name: missing; every context needs a name");
    }

    @Test
    void unknownCurrentContextListsTheKnownOnes() {
        loading("""
                contexts:
                - name: a
                  context: {cluster: c}
                - name: b
                  context: {cluster: c}
                current-context: prod
                """)
                .hasMessage("kubeconfig " + file + ": current-context 'prod' is not defined in " + file
                        + "; known contexts: [a, b]");
    }

    @Test
    void unknownContextOverride() {
        fx.write("config", KubeconfigFixture.simple("only", "https://a:1", "token: t"));
        assertThatThrownBy(() -> ClientConfigs.load(fx.options().withKubeconfig(file).withContext("other")))
                .hasMessage("context 'other' (LoadOptions.withContext) is not defined in kubeconfig " + file
                        + "; known contexts: [only]");
    }

    @Test
    void noCurrentContext() {
        loading(KubeconfigFixture.simple("x", "https://a:1", "token: t").replace("current-context: x\n", ""))
                .hasMessage("kubeconfig " + file + " sets no current-context; choose one of the contexts [x] with"
                        + " LoadOptions.withContext");
    }

    @Test
    void contextNamingAMissingClusterOrUser() {
        loading("""
                clusters:
                - name: real
                  cluster: {server: "https://a:1"}
                contexts:
                - name: ctx
                  context: {cluster: ghost}
                current-context: ctx
                """)
                .hasMessage("kubeconfig " + file + ": contexts[name=ctx].context.cluster: cluster 'ghost' is not defined"
                        + " in " + file + "; known clusters: [real]");
        loading("""
                clusters:
                - name: real
                  cluster: {server: "https://a:1"}
                contexts:
                - name: ctx
                  context: {cluster: real, user: ghost}
                current-context: ctx
                """)
                .hasMessage("kubeconfig " + file + ": contexts[name=ctx].context.user: user 'ghost' is not defined"
                        + " in " + file + "; known users: []");
        loading("contexts:\n- name: ctx\n  context: {namespace: x}\ncurrent-context: ctx\n")
                .hasMessageContaining("contexts[name=ctx].context.cluster: missing");
    }

    @Test
    void badBase64ShowsTheValueOnlyWhenItIsNotSecret() {
        loadingCluster("server: https://a:1\ncertificate-authority-data: not*base64")
                .hasMessageStartingWith("kubeconfig " + file + ": clusters[name=c].cluster.certificate-authority-data:"
                        + " invalid base64 'not*base64'");
        loading("""
                users:
                - name: u
                  user: {client-key-data: "secret*key*material"}
                """)
                .hasMessageStartingWith("kubeconfig " + file + ": users[name=u].user.client-key-data: invalid base64 (")
                .hasMessageNotContaining("secret*key*material");
    }

    @Test
    void caDataThatIsNotAPemCertificate() {
        loadingCluster("server: https://a:1\ncertificate-authority-data: " + base64("hello"))
                .hasMessage("no PEM certificate (-----BEGIN CERTIFICATE-----) found in kubeconfig " + file
                        + ": clusters[name=c].cluster.certificate-authority-data");
    }

    @Test
    void missingCertificateAuthorityFileNamesTheFieldAndFile() {
        loadingCluster("server: https://a:1\ncertificate-authority: ca/missing.crt")
                .hasMessage("kubeconfig " + file + ": clusters[name=c].cluster.certificate-authority: file "
                        + tmp.resolve("ca/missing.crt") + " does not exist");
    }

    @Test
    void certificateAuthorityWithInsecureSkipTlsVerify() {
        loadingCluster("server: https://a:1\ninsecure-skip-tls-verify: true\ncertificate-authority-data: " + base64("x"))
                .hasMessageContaining("clusters[name=c].cluster: certificate-authority(-data) and insecure-skip-tls-verify"
                        + " cannot both be set");
    }

    @Test
    void malformedServerUrls() {
        loadingCluster("server: \"https://bad host:6443\"")
                .hasMessageStartingWith("kubeconfig " + file + ": clusters[name=c].cluster.server: malformed server URL"
                        + " 'https://bad host:6443'");
        loadingCluster("server: ftp://a:1")
                .hasMessage("kubeconfig " + file + ": clusters[name=c].cluster.server: server URL 'ftp://a:1' must start"
                        + " with https:// or http://");
        loadingCluster("server: \"https://admin:pw@a:1\"")
                .hasMessageContaining("must not carry credentials")
                .hasMessageNotContaining("pw");
        loadingCluster("tls-server-name: x")
                .hasMessage("kubeconfig " + file + ": clusters[name=c].cluster.server: missing; cluster 'c' needs a server URL");
    }

    @Test
    void malformedProxyUrl() {
        loadingCluster("server: https://a:1\nproxy-url: ftp://proxy:21")
                .hasMessageStartingWith("kubeconfig " + file + ": clusters[name=c].cluster.proxy-url: unsupported"
                        + " proxy-url scheme 'ftp'");
    }

    @Test
    void bareHostAndPortMeansHttps() {
        fx.write("config", KubeconfigFixture.simple("c", "10.0.0.1:6443", "token: t"));

        org.assertj.core.api.Assertions.assertThat(ClientConfigs.load(fx.options().withKubeconfig(file)).server())
                .hasToString("https://10.0.0.1:6443");
    }
}
