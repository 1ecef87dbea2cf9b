package io.kreactor.rest.transport;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.ProxyConfig;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.WarningHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** {@code proxy-url}: requests reach the API server through an HTTP CONNECT or a SOCKS5 proxy. */
class ProxyTransportTest {

    // Generous: the first exchange of a cold, instrumented JVM on a shared machine can take many seconds.
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WireMockServer target;
    private TestProxy proxy;
    private RestClient rest;

    @BeforeEach
    void start() {
        target = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        target.start();
        target.stubFor(any(anyUrl()).willReturn(okJson("{\"major\":\"1\"}")));
    }

    @AfterEach
    void stop() throws Exception {
        if (rest != null) {
            rest.dispose();
        }
        if (proxy != null) {
            proxy.close();
        }
        target.stop();
    }

    private void sendThrough(String proxyUrl) {
        rest = RestClient.create(ClientConfig.builder("http://127.0.0.1:" + target.port())
                .proxy(ProxyConfig.parse(proxyUrl)).build(), WarningHandler.ignore());
        StepVerifier.create(rest.get().absPath("/version").execute())
                .expectComplete()
                .verify(WAIT);
        target.verify(1, getRequestedFor(urlEqualTo("/version")));
    }

    @Test
    void httpProxyIsUsedThroughConnectWithProxyCredentials() throws Exception {
        proxy = new TestProxy(TestProxy.Kind.HTTP_CONNECT);

        sendThrough("http://user:p%40ss@127.0.0.1:" + proxy.port());

        assertThat(proxy.requests).singleElement().satisfies(head -> {
            assertThat(head).startsWith("CONNECT 127.0.0.1:" + target.port() + " HTTP/1.1");
            assertThat(head).containsIgnoringCase("proxy-authorization: Basic "
                    + Base64.getEncoder().encodeToString("user:p@ss".getBytes(StandardCharsets.UTF_8)));
        });
    }

    @Test
    void socks5ProxyIsUsed() throws Exception {
        proxy = new TestProxy(TestProxy.Kind.SOCKS5);

        sendThrough("socks5://127.0.0.1:" + proxy.port());

        assertThat(proxy.requests).containsExactly("127.0.0.1:" + target.port());
    }
}
