package io.kreactor.rest.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.HttpProtocol;
import io.kreactor.core.config.TlsConfig;
import io.kreactor.core.errors.TransportException;
import io.kreactor.core.tls.ClientCertificateSource;
import io.kreactor.core.tls.KeyMaterial;
import io.kreactor.rest.RawResponse;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.WarningHandler;
import io.netty.channel.Channel;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslHandler;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http2SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

/**
 * TLS against a real local server with certificates made by the test: CA verification, host name and
 * {@code serverName} checks, client certificates (also rotated), ALPN negotiating HTTP/2, and forcing HTTP/1.1.
 */
class TlsTransportTest {

    // Generous: the first exchange of a cold, instrumented JVM on a shared machine can take many seconds.
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TestPki.Authority ca;
    private static TestPki.Authority otherCa;
    private static KeyMaterial serverForLoopback;
    private static KeyMaterial serverForKubeTest;

    private DisposableServer server;
    private RestClient rest;

    @BeforeAll
    static void certificates() {
        ca = TestPki.authority("kreactor-test-ca");
        otherCa = TestPki.authority("someone-else");
        serverForLoopback = ca.issueServer("apiserver", List.of("localhost"), List.of("127.0.0.1"));
        serverForKubeTest = ca.issueServer("apiserver", List.of("kube.test"), List.of());
    }

    @AfterEach
    void stop() {
        if (rest != null) {
            rest.dispose();
        }
        if (server != null) {
            server.disposeNow(WAIT);
        }
    }

    /** Starts a TLS server offering h2 and http/1.1 that answers with what it saw: protocol, client subject, SNI. */
    private void startServer(KeyMaterial identity, boolean requireClientCert) {
        Http2SslContextSpec spec = Http2SslContextSpec.forServer(identity.privateKey(),
                        identity.chain().toArray(X509Certificate[]::new))
                .configure(b -> {
                    if (requireClientCert) {
                        b.trustManager(ca.certificate()).clientAuth(ClientAuth.REQUIRE);
                    }
                });
        server = HttpServer.create().host("127.0.0.1").port(0)
                .secure(s -> s.sslContext(spec))
                .protocol(reactor.netty.http.HttpProtocol.HTTP11, reactor.netty.http.HttpProtocol.H2)
                .handle((req, res) -> {
                    AtomicReference<SSLSession> session = new AtomicReference<>();
                    req.withConnection(c -> session.set(sslSession(c.channel())));
                    return res.header("Content-Type", "text/plain").sendString(Mono.just(
                            req.version().text() + "|" + peer(session.get()) + "|" + sni(session.get())));
                })
                .bindNow(WAIT);
    }

    private static SSLSession sslSession(Channel channel) {
        for (Channel c = channel; c != null; c = c.parent()) {
            SslHandler ssl = c.pipeline().get(SslHandler.class);
            if (ssl != null) {
                return ssl.engine().getSession();
            }
        }
        return null;
    }

    private static String peer(SSLSession session) {
        try {
            return ((X509Certificate) session.getPeerCertificates()[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException | NullPointerException e) {
            return "anonymous";
        }
    }

    private static String sni(SSLSession session) {
        if (session instanceof ExtendedSSLSession ext) {
            return ext.getRequestedServerNames().stream().filter(n -> n instanceof SNIHostName)
                    .map(n -> ((SNIHostName) n).getAsciiName()).findFirst().orElse("none");
        }
        return "none";
    }

    private RestClient client(TlsConfig tls, HttpProtocol protocol) {
        rest = RestClient.create(ClientConfig.builder("https://127.0.0.1:" + server.port()).tls(tls).httpProtocol(protocol)
                .qps(0).build(), WarningHandler.ignore());
        return rest;
    }

    private static TlsConfig trusting(X509Certificate caCert) {
        return TlsConfig.SYSTEM_DEFAULT.withTrustedCertificates(List.of(caCert));
    }

    private static Mono<String> hello(RestClient rest) {
        return rest.get().absPath("/version").exchange().map(RawResponse::bodyAsString);
    }

    @Test
    void trustedCaPassesAndAlpnNegotiatesHttp2() {
        startServer(serverForLoopback, false);

        StepVerifier.create(hello(client(trusting(ca.certificate()), HttpProtocol.AUTO)))
                .assertNext(seen -> assertThat(seen).startsWith("HTTP/2.0|anonymous|"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void forcingHttp11SpeaksHttp11OverTls() {
        startServer(serverForLoopback, false);

        StepVerifier.create(hello(client(trusting(ca.certificate()), HttpProtocol.HTTP_1_1)))
                .assertNext(seen -> assertThat(seen).startsWith("HTTP/1.1|"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void forcingHttp2UsesHttp2OverTls() {
        startServer(serverForLoopback, false);

        StepVerifier.create(hello(client(trusting(ca.certificate()), HttpProtocol.HTTP_2)))
                .assertNext(seen -> assertThat(seen).startsWith("HTTP/2.0|"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void serverSignedByAnotherCaFailsWithAClearTlsError() {
        startServer(serverForLoopback, false);

        StepVerifier.create(hello(client(trusting(otherCa.certificate()), HttpProtocol.AUTO)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageStartingWith("GET https://127.0.0.1:" + server.port() + "/version: TLS handshake failed"))
                .verify(WAIT);
    }

    @Test
    void jvmTrustStoreIsUsedWhenNoCaIsConfiguredAndDoesNotTrustTheTestCa() {
        startServer(serverForLoopback, false);

        StepVerifier.create(hello(client(TlsConfig.SYSTEM_DEFAULT, HttpProtocol.AUTO)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageContaining("TLS handshake failed"))
                .verify(WAIT);
    }

    @Test
    void tlsSetupLoadsTheJvmTrustStoreOffNonBlockingThreads() {
        startServer(serverForLoopback, false);
        RestClient client = client(TlsConfig.SYSTEM_DEFAULT, HttpProtocol.AUTO);

        // The first request builds the SSL context, which reads the JDK's cacerts file: that must not happen on
        // the parallel scheduler (BlockHound would fail it), whatever thread subscribes.
        StepVerifier.create(hello(client).subscribeOn(reactor.core.scheduler.Schedulers.parallel()))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageContaining("TLS handshake failed"))
                .verify(WAIT);
    }

    @Test
    void certificateForAnotherHostIsRejectedByHostNameVerification() {
        startServer(serverForKubeTest, false);

        StepVerifier.create(hello(client(trusting(ca.certificate()), HttpProtocol.AUTO)))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageContaining("TLS handshake failed"))
                .verify(WAIT);
    }

    @Test
    void serverNameIsSentAsSniAndUsedForVerification() {
        startServer(serverForKubeTest, false);

        StepVerifier.create(hello(client(trusting(ca.certificate()).withServerName("kube.test"), HttpProtocol.AUTO)))
                .assertNext(seen -> assertThat(seen).endsWith("|kube.test"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void insecureSkipTlsVerifyAcceptsAnUntrustedServer() {
        startServer(serverForKubeTest, false);

        StepVerifier.create(hello(client(TlsConfig.SYSTEM_DEFAULT.withInsecureSkipTlsVerify(true), HttpProtocol.AUTO)))
                .assertNext(seen -> assertThat(seen).startsWith("HTTP/2.0|"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void clientCertificateAuthenticatesWhenTheServerRequiresOne() {
        startServer(serverForLoopback, true);
        KeyMaterial admin = ca.issueClient("admin", "system:masters");

        StepVerifier.create(hello(client(trusting(ca.certificate()).withClientCertificate(ClientCertificateSource.of(admin)),
                        HttpProtocol.AUTO)))
                .assertNext(seen -> assertThat(seen.split("\\|")[1]).contains("CN=admin").contains("O=system:masters"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void missingClientCertificateIsATransportError() {
        startServer(serverForLoopback, true);

        StepVerifier.create(hello(client(trusting(ca.certificate()), HttpProtocol.HTTP_1_1)))
                .expectError(TransportException.class)
                .verify(WAIT);
    }

    @Test
    void rotatedClientCertificateIsUsedForTheNextConnection() {
        startServer(serverForLoopback, true);
        AtomicReference<KeyMaterial> current = new AtomicReference<>(ca.issueClient("alice", "dev"));
        ClientCertificateSource rotating = () -> Mono.fromSupplier(current::get);
        RestClient client = client(trusting(ca.certificate()).withClientCertificate(rotating), HttpProtocol.HTTP_1_1);

        StepVerifier.create(hello(client)).assertNext(seen -> assertThat(seen).contains("CN=alice")).expectComplete().verify(WAIT);
        current.set(ca.issueClient("bob", "dev"));
        StepVerifier.create(hello(client)).assertNext(seen -> assertThat(seen).contains("CN=bob")).expectComplete().verify(WAIT);
    }
}
