package io.kreactor.rest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.auth.AuthProviders;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.HttpProtocol;
import io.kreactor.core.config.TlsConfig;
import io.kreactor.core.errors.TransportException;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import io.kreactor.core.auth.AuthProvider;
import io.kreactor.core.errors.UnauthorizedException;
import io.kreactor.core.errors.ForbiddenException;
import io.kreactor.rest.RestClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Exec and attach over WebSocket against a local server speaking the v5/v4 channel protocols. */
class ExecStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ChannelProtocolServer server;
    private RestClient rest;
    private PodStreams streams;

    @BeforeEach
    void start() {
        server = new ChannelProtocolServer();
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port())
                .auth(AuthProviders.bearerToken("s3cret-token")).build());
        streams = PodStreams.create(rest);
    }

    @AfterEach
    void stop() {
        streams.dispose();
        rest.dispose();
        server.dispose();
    }

    private static Flux<byte[]> text(String... parts) {
        return Flux.just(parts).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void execStreamsStdinToTheProcessAndReturnsOutputAndTheNonZeroExitCode() {
        ExecOptions options = ExecOptions.command("sh", "-c", "exit 3").withContainer("app").withStdin(text("hello ", "world"));

        StepVerifier.create(streams.exec("shop", "web", options).flatMap(process -> {
                    assertThat(process.protocol()).isEqualTo("v5.channel.k8s.io");
                    return Mono.zip(process.stdout().map(b -> new String(b, StandardCharsets.UTF_8)).collectList(),
                            process.stderr().map(b -> new String(b, StandardCharsets.UTF_8)).collectList(),
                            process.exitCode());
                }))
                .assertNext(t -> {
                    assertThat(String.join("", t.getT1())).isEqualTo("HELLO WORLD");
                    assertThat(t.getT2()).containsExactly("done\n");
                    assertThat(t.getT3()).isEqualTo(3);
                })
                .expectComplete()
                .verify(WAIT);

        assertThat(server.lastUri.get()).isEqualTo("/api/v1/namespaces/shop/pods/web/exec?command=sh&command=-c&command=exit+3"
                + "&container=app&stderr=true&stdin=true&stdout=true&tty=false");
        assertThat(server.lastAuthorization.get()).isEqualTo("Bearer s3cret-token");
    }

    @Test
    void successStatusIsExitCodeZero() {
        StepVerifier.create(streams.exec("shop", "web", ExecOptions.command("true")).flatMap(ExecProcess::exitCode))
                .expectNext(0)
                .expectComplete()
                .verify(WAIT);
        assertThat(server.lastUri.get()).contains("stdin=false");
    }

    @Test
    void fallsBackToV4WhenTheServerDoesNotSpeakV5() {
        StepVerifier.create(streams.exec("shop", "old", ExecOptions.command("echo", "hello")).flatMap(process ->
                        Mono.zip(Mono.just(process.protocol()), process.stdout().collectList(), process.exitCode())))
                .assertNext(t -> {
                    assertThat(t.getT1()).isEqualTo("v4.channel.k8s.io");
                    assertThat(new String(t.getT2().get(0), StandardCharsets.UTF_8)).isEqualTo("hello\n");
                    assertThat(t.getT3()).isZero();
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void terminalSizesAreSentOnTheResizeChannel() {
        ExecOptions options = ExecOptions.command("sh").withStdin(Flux.empty())
                .withTty(Flux.just(new TerminalSize(80, 24), new TerminalSize(120, 40)));

        StepVerifier.create(streams.exec("shop", "web", options).flatMap(ExecProcess::exitCode))
                .expectNext(0)
                .expectComplete()
                .verify(WAIT);
        assertThat(server.resizes).containsExactly("{\"Width\":80,\"Height\":24}", "{\"Width\":120,\"Height\":40}");
        assertThat(server.lastUri.get()).contains("stderr=false").contains("tty=true");
    }

    @Test
    void attachUsesTheAttachSubresourceWithoutCommand() {
        // The test server only serves exec, so the attach upgrade is refused with 404 — naming the URL it asked for.
        StepVerifier.create(streams.attach("shop", "web", ExecOptions.attach()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(io.kreactor.core.errors.NotFoundException.class)
                        .hasMessageContaining("/api/v1/namespaces/shop/pods/web/attach?stderr=true&stdin=false&stdout=true&tty=false"))
                .verify(WAIT);
    }

    @Test
    void refusedUpgradeFailsWithTheServersCode() {
        StepVerifier.create(streams.exec("shop", "secret", ExecOptions.command("id")))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ForbiddenException.class)
                        .hasMessageContaining("403")
                        .hasMessageNotContaining("s3cret-token"))
                .verify(WAIT);
    }

    @Test
    void execOverTlsUsesTheClientsTrustAndUpgradesOverHttp11() throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        ChannelProtocolServer tlsServer = new ChannelProtocolServer(cert);
        // AUTO offers h2 by ALPN to ordinary requests; the upgrade must still happen over HTTP/1.1.
        RestClient tlsRest = RestClient.create(ClientConfig.builder("https://127.0.0.1:" + tlsServer.port())
                .tls(TlsConfig.SYSTEM_DEFAULT.withTrustedCertificates(List.of(cert.cert())).withServerName("localhost"))
                .httpProtocol(HttpProtocol.AUTO)
                .auth(AuthProviders.bearerToken("tls-token")).build());
        PodStreams tlsStreams = PodStreams.create(tlsRest);
        try {
            StepVerifier.create(tlsStreams.exec("shop", "old", ExecOptions.command("echo", "hello")).flatMap(process ->
                            Mono.zip(process.stdout().map(b -> new String(b, StandardCharsets.UTF_8)).collectList(), process.exitCode())))
                    .assertNext(t -> {
                        assertThat(t.getT1()).containsExactly("hello\n");
                        assertThat(t.getT2()).isZero();
                    })
                    .expectComplete()
                    .verify(WAIT);
            assertThat(tlsServer.lastAuthorization.get()).isEqualTo("Bearer tls-token");
        } finally {
            tlsStreams.dispose();
            tlsRest.dispose();
            tlsServer.dispose();
            cert.delete();
        }
    }

    @Test
    void untrustedServerIsRefusedAsATransportError() throws Exception {
        SelfSignedCertificate cert = new SelfSignedCertificate("localhost");
        ChannelProtocolServer tlsServer = new ChannelProtocolServer(cert);
        RestClient tlsRest = RestClient.create(ClientConfig.builder("https://127.0.0.1:" + tlsServer.port()).build());
        PodStreams tlsStreams = PodStreams.create(tlsRest);
        try {
            StepVerifier.create(tlsStreams.exec("shop", "old", ExecOptions.command("echo")))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                            .hasMessageContaining("wss://127.0.0.1:" + tlsServer.port()))
                    .verify(WAIT);
        } finally {
            tlsStreams.dispose();
            tlsRest.dispose();
            tlsServer.dispose();
            cert.delete();
        }
    }

    @Test
    void unauthorizedUpgradeIsRetriedOnceWithRefreshedCredentials() {
        AtomicReference<String> token = new AtomicReference<>("stale");
        AtomicInteger refreshes = new AtomicInteger();
        AuthProvider rotating = new AuthProvider() {
            @Override
            public Mono<String> authorization() {
                return Mono.fromSupplier(() -> "Bearer " + token.get());
            }

            @Override
            public Mono<Boolean> refreshAfterUnauthorized() {
                refreshes.incrementAndGet();
                return Mono.fromSupplier(() -> token.getAndSet("fresh").equals("stale"));
            }
        };
        RestClient authRest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + server.port()).auth(rotating).build());
        PodStreams authStreams = PodStreams.create(authRest);
        try {
            StepVerifier.create(authStreams.exec("shop", "rotating", ExecOptions.command("id")).flatMap(ExecProcess::exitCode))
                    .expectNext(0).expectComplete().verify(WAIT);
            assertThat(refreshes).hasValue(1);
            assertThat(server.lastAuthorization.get()).isEqualTo("Bearer fresh");

            token.set("revoked");
            StepVerifier.create(authStreams.exec("shop", "rotating", ExecOptions.command("id")))
                    .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(UnauthorizedException.class))
                    .verify(WAIT);
            assertThat(refreshes).hasValue(2);
        } finally {
            authStreams.dispose();
            authRest.dispose();
        }
    }

    @Test
    void execWithoutCommandIsRejected() {
        StepVerifier.create(streams.exec("shop", "web", ExecOptions.attach()))
                .expectErrorMessage("exec needs a command")
                .verify(WAIT);
    }
}
