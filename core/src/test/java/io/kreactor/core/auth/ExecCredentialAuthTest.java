package io.kreactor.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.auth.ExecConfig.InteractiveMode;
import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.support.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class ExecCredentialAuthTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    /** Writes an executable shell script; {@code $DIR} is the test's temp dir, {@code $n} the run number. */
    private Path plugin(String body) throws IOException {
        Path script = dir.resolve("plugin.sh");
        Files.writeString(script, "#!/bin/sh\n"
                + "n=$(cat \"$DIR/count\" 2>/dev/null || echo 0); n=$((n+1)); echo $n > \"$DIR/count\"\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String credential(String apiVersion, String status) {
        return "cat <<EOF\n{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"ExecCredential\",\"status\":" + status
                + "}\nEOF\n";
    }

    private ExecConfig config(Path command, String apiVersion, InteractiveMode mode, boolean clusterInfo, List<String> args) {
        return new ExecConfig(command.toString(), args, Map.of("DIR", dir.toString()), apiVersion, mode, clusterInfo,
                "Install it with: brew install fancy-login");
    }

    private AuthProvider auth(ExecConfig config) {
        return AuthProviders.exec(config, new ExecClusterInfo("https://10.0.0.1:6443",
                "-----BEGIN CERTIFICATE-----\nca\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.US_ASCII),
                "api.internal", false, "http://proxy:3128"), "users[name=alice].user.exec", Duration.ofSeconds(10), clock);
    }

    private int runs() throws IOException {
        Path count = dir.resolve("count");
        return Files.exists(count) ? Integer.parseInt(Files.readString(count).strip()) : 0;
    }

    private void expectHeader(AuthProvider auth, String header) {
        StepVerifier.create(auth.authorization()).expectNext(header).expectComplete().verify(WAIT);
    }

    private void expectFailure(AuthProvider auth, String... fragments) {
        StepVerifier.create(auth.authorization())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(ConfigException.class);
                    for (String fragment : fragments) {
                        assertThat(e.getMessage()).contains(fragment);
                    }
                })
                .verify(WAIT);
    }

    @Test
    void v1PluginTokenIsSentAndItsArgumentsArePassed() throws IOException {
        Path command = plugin(credential(ExecConfig.V1, "{\"token\":\"$1-$n\"}"));

        expectHeader(auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of("alpha"))), "Bearer alpha-1");
    }

    @Test
    void v1beta1PluginTokenWithoutExpiryIsCachedForever() throws IOException {
        Path command = plugin(credential(ExecConfig.V1BETA1, "{\"token\":\"beta-$n\"}"));
        AuthProvider auth = auth(config(command, ExecConfig.V1BETA1, InteractiveMode.IF_AVAILABLE, false, List.of()));

        expectHeader(auth, "Bearer beta-1");
        clock.advance(Duration.ofDays(365));
        expectHeader(auth, "Bearer beta-1");
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void tokenIsCachedUntilItsExpirationAndThePluginRunsAgainAfterwards() throws IOException {
        Path command = plugin(credential(ExecConfig.V1,
                "{\"token\":\"tok-$n\",\"expirationTimestamp\":\"2030-01-01T00:05:00Z\"}"));
        AuthProvider auth = auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of()));

        expectHeader(auth, "Bearer tok-1");
        clock.advance(Duration.ofMinutes(4));
        expectHeader(auth, "Bearer tok-1");
        clock.advance(Duration.ofMinutes(1));
        expectHeader(auth, "Bearer tok-2");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void refreshAfterUnauthorizedRunsThePluginAgainOnce() throws IOException {
        Path command = plugin(credential(ExecConfig.V1, "{\"token\":\"tok-$n\"}"));
        AuthProvider auth = auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of()));
        expectHeader(auth, "Bearer tok-1");

        StepVerifier.create(Mono.zip(auth.refreshAfterUnauthorized(), auth.refreshAfterUnauthorized()))
                .assertNext(both -> assertThat(both.getT1()).isTrue())
                .expectComplete()
                .verify(WAIT);

        expectHeader(auth, "Bearer tok-2");
        assertThat(runs()).isEqualTo(2);
    }

    @Test
    void concurrentCallersShareOneRun() throws IOException {
        Path command = plugin("i=0; while [ ! -f \"$DIR/go\" ] && [ $i -lt 400 ]; do sleep 0.05; i=$((i+1)); done\n"
                + credential(ExecConfig.V1, "{\"token\":\"tok-$n\"}"));
        AuthProvider auth = auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of()));

        StepVerifier.create(Mono.zip(auth.authorization(), auth.authorization(), auth.authorization()))
                .then(() -> {
                    try {
                        Files.createFile(dir.resolve("go"));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .assertNext(all -> assertThat(List.of(all.getT1(), all.getT2(), all.getT3())).containsOnly("Bearer tok-1"))
                .expectComplete()
                .verify(WAIT);
        assertThat(runs()).isEqualTo(1);
    }

    @Test
    void kubernetesExecInfoCarriesTheClusterWhenProvideClusterInfoIsSet() throws IOException {
        Path command = plugin("printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$DIR/info.json\"\n"
                + credential(ExecConfig.V1, "{\"token\":\"t\"}"));
        expectHeader(auth(config(command, ExecConfig.V1, InteractiveMode.IF_AVAILABLE, true, List.of())), "Bearer t");

        JsonNode info = KubernetesJson.mapper().readTree(dir.resolve("info.json").toFile());
        assertThat(info.path("apiVersion").asText()).isEqualTo(ExecConfig.V1);
        assertThat(info.path("kind").asText()).isEqualTo("ExecCredential");
        assertThat(info.path("spec").path("interactive").asBoolean(true)).isFalse();
        JsonNode cluster = info.path("spec").path("cluster");
        assertThat(cluster.path("server").asText()).isEqualTo("https://10.0.0.1:6443");
        assertThat(cluster.path("tls-server-name").asText()).isEqualTo("api.internal");
        assertThat(cluster.path("proxy-url").asText()).isEqualTo("http://proxy:3128");
        assertThat(cluster.has("insecure-skip-tls-verify")).isFalse();
        assertThat(new String(java.util.Base64.getDecoder().decode(cluster.path("certificate-authority-data").asText()),
                StandardCharsets.US_ASCII)).startsWith("-----BEGIN CERTIFICATE-----");
    }

    @Test
    void kubernetesExecInfoOmitsTheClusterByDefault() throws IOException {
        Path command = plugin("printf '%s' \"$KUBERNETES_EXEC_INFO\" > \"$DIR/info.json\"\n"
                + credential(ExecConfig.V1BETA1, "{\"token\":\"t\"}"));
        expectHeader(auth(config(command, ExecConfig.V1BETA1, InteractiveMode.NEVER, false, List.of())), "Bearer t");

        JsonNode info = KubernetesJson.mapper().readTree(dir.resolve("info.json").toFile());
        assertThat(info.path("apiVersion").asText()).isEqualTo(ExecConfig.V1BETA1);
        assertThat(info.path("spec").has("cluster")).isFalse();
        assertThat(info.path("spec").path("interactive").asBoolean(true)).isFalse();
    }

    @Test
    void nonZeroExitFailsWithTheExitCodeAndStderr() throws IOException {
        Path command = plugin("echo 'error: session expired, run fancy-login' >&2\nexit 3\n");

        expectFailure(auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of())),
                "exec plugin '" + command + "' (users[name=alice].user.exec) exited with code 3",
                "stderr: error: session expired, run fancy-login");
    }

    @Test
    void outputThatIsNotJsonFailsWithoutQuotingIt() throws IOException {
        Path command = plugin("echo '{secret-ish output'\n");

        StepVerifier.create(auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of())).authorization())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfigException.class)
                        .hasMessageContaining("wrote output that is not valid JSON (at line 1")
                        .hasMessageNotContaining("secret-ish"))
                .verify(WAIT);
    }

    @Test
    void wrongApiVersionFailsNamingBothVersionsButNotTheToken() throws IOException {
        Path command = plugin(credential(ExecConfig.V1BETA1, "{\"token\":\"leaky-token\"}"));

        StepVerifier.create(auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of())).authorization())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfigException.class)
                        .hasMessageContaining("apiVersion '" + ExecConfig.V1BETA1 + "'")
                        .hasMessageContaining("exec.apiVersion is '" + ExecConfig.V1 + "'")
                        .hasMessageNotContaining("leaky-token"))
                .verify(WAIT);
    }

    @Test
    void credentialWithoutTokenOrWithClientCertificatesFailsClearly() throws IOException {
        Path noToken = plugin(credential(ExecConfig.V1, "{}"));
        expectFailure(auth(config(noToken, ExecConfig.V1, InteractiveMode.NEVER, false, List.of())), "without status.token");

        Path certs = plugin(credential(ExecConfig.V1, "{\"clientCertificateData\":\"x\",\"clientKeyData\":\"y\"}"));
        expectFailure(auth(config(certs, ExecConfig.V1, InteractiveMode.NEVER, false, List.of())),
                "client certificates from exec plugins are not supported");
    }

    @Test
    void badExpirationTimestampFailsNamingTheValue() throws IOException {
        Path command = plugin(credential(ExecConfig.V1, "{\"token\":\"t\",\"expirationTimestamp\":\"tomorrow\"}"));

        expectFailure(auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of())),
                "status.expirationTimestamp 'tomorrow', which is not an RFC 3339 time");
    }

    @Test
    void missingCommandFailsWithTheInstallHint() {
        ExecConfig config = config(dir.resolve("no-such-plugin"), ExecConfig.V1, InteractiveMode.NEVER, false, List.of());

        expectFailure(auth(config), "executable '" + dir.resolve("no-such-plugin") + "' was not found",
                "Install it with: brew install fancy-login");
    }

    @Test
    void commandLookedUpOnThePathThatIsNotThereFailsWithTheInstallHint() {
        ExecConfig config = new ExecConfig("kreactor-no-such-credential-plugin", List.of(), Map.of(), ExecConfig.V1BETA1,
                InteractiveMode.IF_AVAILABLE, false, "See https://example.invalid/install");

        expectFailure(auth(config), "exec plugin 'kreactor-no-such-credential-plugin' (users[name=alice].user.exec)"
                + " cannot be run: executable 'kreactor-no-such-credential-plugin' was not found",
                "\nSee https://example.invalid/install");
    }

    @Test
    void interactiveModeAlwaysFailsBecauseThereIsNoTerminal() throws IOException {
        Path command = plugin(credential(ExecConfig.V1, "{\"token\":\"t\"}"));

        expectFailure(auth(config(command, ExecConfig.V1, InteractiveMode.ALWAYS, false, List.of())),
                "interactiveMode Always", "no terminal");
        assertThat(runs()).isZero();
    }

    @Test
    void aPluginThatHangsIsKilledAfterTheTimeout() throws IOException {
        Path command = plugin("exec sleep 60\n");
        AuthProvider auth = AuthProviders.exec(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of()),
                null, null, Duration.ofMillis(300), clock);

        expectFailure(auth, "did not finish within");
    }

    @Test
    void aFailedRunIsNotCached() throws IOException {
        Path command = plugin("if [ $n -eq 1 ]; then echo first fails >&2; exit 1; fi\n"
                + credential(ExecConfig.V1, "{\"token\":\"tok-$n\"}"));
        AuthProvider auth = auth(config(command, ExecConfig.V1, InteractiveMode.NEVER, false, List.of()));

        expectFailure(auth, "first fails");
        expectHeader(auth, "Bearer tok-2");
    }

    @Test
    void toStringHidesTheTokenAndEnvironmentValues() throws IOException {
        Path command = plugin(credential(ExecConfig.V1, "{\"token\":\"hidden-token-$API_KEY\"}"));
        AuthProvider auth = auth(new ExecConfig(command.toString(), List.of(),
                Map.of("DIR", dir.toString(), "API_KEY", "env-secret-value"), ExecConfig.V1, InteractiveMode.NEVER,
                false, null));
        expectHeader(auth, "Bearer hidden-token-env-secret-value");

        assertThat(auth.toString()).contains(command.toString()).contains("API_KEY")
                .doesNotContain("hidden-token").doesNotContain("env-secret-value");
    }
}
