package io.kreactor.rest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.kreactor.core.api.Status;
import io.kreactor.core.auth.AuthProvider;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.errors.AlreadyExistsException;
import io.kreactor.core.errors.ApiException;
import io.kreactor.core.errors.ApiTimeoutException;
import io.kreactor.core.errors.BadRequestException;
import io.kreactor.core.errors.ConflictException;
import io.kreactor.core.errors.ForbiddenException;
import io.kreactor.core.errors.GoneException;
import io.kreactor.core.errors.InternalErrorException;
import io.kreactor.core.errors.InvalidException;
import io.kreactor.core.errors.MethodNotAllowedException;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.core.errors.ServerTimeoutException;
import io.kreactor.core.errors.ServiceUnavailableException;
import io.kreactor.core.errors.TooManyRequestsException;
import io.kreactor.core.errors.TransportException;
import io.kreactor.core.errors.UnauthorizedException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** Error mapping, authentication, retries, warnings and timeouts against WireMock. */
class RestClientFailureTest {

    // Generous: the first exchange of a cold, instrumented JVM on a shared machine can take many seconds.
    private static final Duration WAIT = Duration.ofSeconds(30);

    private WireMockServer server;
    private String base;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private RestClient client(ClientConfig.Builder builder) {
        return RestClient.create(builder.build(), WarningHandler.ignore());
    }

    private RestClient client() {
        return client(ClientConfig.builder(base));
    }

    private static String statusJson(int code, String reason, String message) {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"" + message
                + "\",\"reason\":\"" + reason + "\",\"details\":{\"name\":\"web\",\"kind\":\"pods\"},\"code\":" + code + "}";
    }

    static Stream<Arguments> statusReasons() {
        return Stream.of(
                Arguments.of(400, "BadRequest", BadRequestException.class),
                Arguments.of(401, "Unauthorized", UnauthorizedException.class),
                Arguments.of(403, "Forbidden", ForbiddenException.class),
                Arguments.of(404, "NotFound", NotFoundException.class),
                Arguments.of(405, "MethodNotAllowed", MethodNotAllowedException.class),
                Arguments.of(409, "AlreadyExists", AlreadyExistsException.class),
                Arguments.of(409, "Conflict", ConflictException.class),
                Arguments.of(410, "Expired", GoneException.class),
                Arguments.of(410, "Gone", GoneException.class),
                Arguments.of(422, "Invalid", InvalidException.class),
                Arguments.of(429, "TooManyRequests", TooManyRequestsException.class),
                Arguments.of(500, "InternalError", InternalErrorException.class),
                Arguments.of(503, "ServiceUnavailable", ServiceUnavailableException.class),
                Arguments.of(504, "Timeout", ApiTimeoutException.class),
                Arguments.of(500, "ServerTimeout", ServerTimeoutException.class));
    }

    @ParameterizedTest(name = "{1} ({0}) becomes {2}")
    @MethodSource("statusReasons")
    void statusBodyBecomesTheTypedExceptionCarryingTheStatus(int code, String reason, Class<? extends ApiException> type) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(code)
                .withHeader("Content-Type", "application/json").withBody(statusJson(code, reason, "it failed"))));
        RestClient rest = client();

        StepVerifier.create(rest.get().absPath("/api/v1/namespaces/ns/pods/web").retrieve(String.class))
                .expectErrorSatisfies(e -> {
                    assertThat(e).isExactlyInstanceOf(type);
                    ApiException api = (ApiException) e;
                    assertThat(api.code()).isEqualTo(code);
                    assertThat(api.reason()).isEqualTo(reason);
                    assertThat(api.verb()).isEqualTo("GET");
                    assertThat(api.url()).isEqualTo(base + "/api/v1/namespaces/ns/pods/web");
                    assertThat(api.status().message()).isEqualTo("it failed");
                    assertThat(api.status().details().name()).isEqualTo("web");
                    assertThat(api).hasMessageContaining("GET " + base + "/api/v1/namespaces/ns/pods/web: " + code);
                })
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void invalidStatusKeepsItsFieldCauses() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(422).withBody(
                "{\"kind\":\"Status\",\"status\":\"Failure\",\"reason\":\"Invalid\",\"code\":422,"
                        + "\"details\":{\"causes\":[{\"reason\":\"FieldValueRequired\",\"message\":\"Required value\","
                        + "\"field\":\"spec.containers[0].name\"}]}}")));
        RestClient rest = client();

        StepVerifier.create(rest.post().absPath("/api/v1/namespaces/ns/pods").body(java.util.Map.of()).execute())
                .expectErrorSatisfies(e -> assertThat(((InvalidException) e).status().details().causes())
                        .containsExactly(new Status.Cause("FieldValueRequired", "Required value", "spec.containers[0].name")))
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void htmlErrorPageBecomesASynthesizedStatusWithAnExcerpt() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Bad Gateway</body></html>")));
        RestClient rest = client();

        StepVerifier.create(rest.get().absPath("/version").execute())
                .expectErrorSatisfies(e -> {
                    // client-go gives an unrecognized 5xx the InternalError reason.
                    assertThat(e).isExactlyInstanceOf(InternalErrorException.class);
                    ApiException api = (ApiException) e;
                    assertThat(api.code()).isEqualTo(502);
                    assertThat(api.status().reason()).isEqualTo("InternalError");
                    assertThat(api.status().code()).isEqualTo(502);
                    assertThat(api.status().message()).isEqualTo("<html><body>Bad Gateway</body></html>");
                })
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void notFoundWithAPlainBodyIsStillNotFound() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404).withBody("404 page not found\n")));
        RestClient rest = client();

        StepVerifier.create(rest.get().absPath("/apis/nope/v1").retrieve(String.class))
                .expectErrorSatisfies(e -> assertThat(e).isExactlyInstanceOf(NotFoundException.class)
                        .hasMessageContaining("404 NotFound: 404 page not found"))
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void hugeErrorBodyIsCappedInTheMessage() {
        String huge = "x".repeat(3 * 1024 * 1024);
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody(huge)));
        RestClient rest = client();

        StepVerifier.create(rest.get().absPath("/big").execute())
                .expectErrorSatisfies(e -> {
                    assertThat(e).isInstanceOf(InternalErrorException.class);
                    assertThat(((ApiException) e).status().message()).startsWith("xxxx").hasSizeLessThan(1100);
                    assertThat(e.getMessage()).hasSizeLessThan(1300).endsWith("(truncated)");
                })
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void emptyErrorBodyGetsTheStandardMessage() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403)));
        RestClient rest = client();

        StepVerifier.create(rest.delete().absPath("/api/v1/nodes/n1").execute())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ForbiddenException.class)
                        .hasMessage("DELETE " + base + "/api/v1/nodes/n1: 403 Forbidden: the server responded with the"
                                + " status code 403 but did not return more information"))
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void bearerTokenIsSentButNeverAppearsInErrors() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(403).withBody(statusJson(403, "Forbidden", "no"))));
        RestClient rest = client(ClientConfig.builder(base).auth(() -> Mono.just("Bearer s3cr3t-token")));

        StepVerifier.create(rest.get().absPath("/api").execute())
                .expectErrorSatisfies(e -> assertThat(e.toString()).doesNotContain("s3cr3t"))
                .verify(WAIT);
        server.verify(1, getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo("Bearer s3cr3t-token")));
        rest.dispose();
    }

    @Test
    void basicCredentialsAreSentAsBasicAuthorization() {
        server.stubFor(any(anyUrl()).willReturn(okJson("{}")));
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:pw".getBytes(StandardCharsets.UTF_8));
        RestClient rest = client(ClientConfig.builder(base).auth(() -> Mono.just(basic)));

        StepVerifier.create(rest.get().absPath("/api").execute()).expectComplete().verify(WAIT);
        server.verify(1, getRequestedFor(urlEqualTo("/api")).withHeader("Authorization", equalTo(basic)));
        rest.dispose();
    }

    /** A token source that hands out a new token after a 401, like an exec plugin run again. */
    static final class RotatingToken implements AuthProvider {
        final AtomicInteger refreshes = new AtomicInteger();
        final boolean refreshHelps;
        volatile String token = "old";

        RotatingToken(boolean refreshHelps) {
            this.refreshHelps = refreshHelps;
        }

        @Override
        public Mono<String> authorization() {
            return Mono.fromSupplier(() -> "Bearer " + token);
        }

        @Override
        public Mono<Boolean> refreshAfterUnauthorized() {
            return Mono.fromSupplier(() -> {
                refreshes.incrementAndGet();
                if (refreshHelps) {
                    token = "new";
                }
                return refreshHelps;
            });
        }
    }

    @Test
    void unauthorizedAnswerRefreshesCredentialsAndRetriesOnce() {
        server.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer old"))
                .willReturn(aResponse().withStatus(401).withBody(statusJson(401, "Unauthorized", "expired"))));
        server.stubFor(any(anyUrl()).withHeader("Authorization", equalTo("Bearer new")).willReturn(okJson("\"hello\"")));
        RotatingToken auth = new RotatingToken(true);
        RestClient rest = client(ClientConfig.builder(base).auth(auth));

        StepVerifier.create(rest.post().absPath("/api/v1/namespaces").body(java.util.Map.of("a", 1)).retrieve(String.class))
                .expectNext("hello")
                .expectComplete()
                .verify(WAIT);
        assertThat(auth.refreshes).hasValue(1);
        server.verify(2, postRequestedFor(urlEqualTo("/api/v1/namespaces")).withRequestBody(equalTo("{\"a\":1}")));
        rest.dispose();
    }

    @Test
    void secondUnauthorizedAnswerIsAnUnauthorizedException() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withBody(statusJson(401, "Unauthorized", "no"))));
        RotatingToken auth = new RotatingToken(true);
        RestClient rest = client(ClientConfig.builder(base).auth(auth));

        StepVerifier.create(rest.get().absPath("/api").execute())
                .expectError(UnauthorizedException.class)
                .verify(WAIT);
        assertThat(auth.refreshes).hasValue(1);
        server.verify(2, anyRequestedFor(anyUrl()));
        rest.dispose();
    }

    @Test
    void unauthorizedIsNotRetriedWhenRefreshCannotHelp() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withBody(statusJson(401, "Unauthorized", "no"))));
        RotatingToken auth = new RotatingToken(false);
        RestClient rest = client(ClientConfig.builder(base).auth(auth));

        StepVerifier.create(rest.get().absPath("/api").execute())
                .expectErrorSatisfies(e -> assertThat(((UnauthorizedException) e).status().message()).isEqualTo("no"))
                .verify(WAIT);
        assertThat(auth.refreshes).hasValue(1);
        server.verify(1, anyRequestedFor(anyUrl()));
        rest.dispose();
    }

    @Test
    void tooManyRequestsWithRetryAfterIsRetriedUntilItSucceeds() {
        server.stubFor(get(anyUrl()).inScenario("throttle").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                        .withBody(statusJson(429, "TooManyRequests", "slow down")))
                .willSetStateTo("second"));
        server.stubFor(get(anyUrl()).inScenario("throttle").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0"))
                .willSetStateTo("third"));
        server.stubFor(get(anyUrl()).inScenario("throttle").whenScenarioStateIs("third").willReturn(okJson("7")));
        RestClient rest = client();

        StepVerifier.create(rest.get().absPath("/api").retrieve(Integer.class))
                .expectNext(7)
                .expectComplete()
                .verify(WAIT);
        server.verify(3, getRequestedFor(urlEqualTo("/api")));
        rest.dispose();
    }

    @Test
    void retriesGiveUpAfterMaxRetriesWithTheTypedError() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "0")
                .withBody(statusJson(429, "TooManyRequests", "slow down"))));
        RestClient rest = client(ClientConfig.builder(base).maxRetries(2));

        StepVerifier.create(rest.post().absPath("/api").body(java.util.Map.of()).execute())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TooManyRequestsException.class)
                        .hasMessageContaining("slow down"))
                .verify(WAIT);
        server.verify(3, postRequestedFor(urlEqualTo("/api")));
        rest.dispose();
    }

    @Test
    void serverErrorWithoutRetryAfterIsNotRetried() {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500).withBody(statusJson(500, "InternalError", "boom"))));
        RestClient rest = client();

        StepVerifier.create(rest.get().absPath("/api").execute()).expectError(InternalErrorException.class).verify(WAIT);
        server.verify(1, getRequestedFor(urlEqualTo("/api")));
        rest.dispose();
    }

    @Test
    void connectionResetOfAGetIsRetried() {
        server.stubFor(get(anyUrl()).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        server.stubFor(get(anyUrl()).inScenario("reset").whenScenarioStateIs("ok").willReturn(okJson("1")));
        RestClient rest = client();

        StepVerifier.create(rest.get().absPath("/api").retrieve(Integer.class))
                .expectNext(1)
                .expectComplete()
                .verify(WAIT);
        server.verify(2, getRequestedFor(urlEqualTo("/api")));
        rest.dispose();
    }

    @Test
    void connectionResetOfAPostIsATransportErrorNamingVerbAndUrl() {
        server.stubFor(post(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        RestClient rest = client();

        StepVerifier.create(rest.post().absPath("/api").body(java.util.Map.of()).execute())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageStartingWith("POST " + base + "/api: "))
                .verify(WAIT);
        server.verify(1, postRequestedFor(urlEqualTo("/api")));
        rest.dispose();
    }

    @Test
    void unreachableServerIsATransportErrorNamingVerbAndUrl() {
        int port = server.port();
        server.stop();
        RestClient rest = client(ClientConfig.builder("http://127.0.0.1:" + port).maxRetries(0));

        StepVerifier.create(rest.get().absPath("/version").execute())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessageStartingWith("GET http://127.0.0.1:" + port + "/version: cannot connect"))
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void requestTimeoutFailsASlowAnswer() {
        server.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(3000)));
        RestClient rest = client(ClientConfig.builder(base).requestTimeout(Duration.ofSeconds(30)));

        StepVerifier.create(rest.get().absPath("/slow").timeout(Duration.ofMillis(200)).execute())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(TransportException.class)
                        .hasMessage("GET " + base + "/slow: request timed out after 200 ms"))
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void clientRequestTimeoutAppliesWhenTheRequestSetsNone() {
        server.stubFor(any(anyUrl()).willReturn(okJson("{}").withFixedDelay(3000)));
        RestClient rest = client(ClientConfig.builder(base).requestTimeout(Duration.ofMillis(200)));

        StepVerifier.create(rest.get().absPath("/slow").exchange())
                .expectErrorMessage("GET " + base + "/slow: request timed out after 200 ms")
                .verify(WAIT);
        rest.dispose();
    }

    @Test
    void warningHeadersReachTheWarningHandler() {
        server.stubFor(any(anyUrl()).willReturn(okJson("{}")
                .withHeader("Warning", "299 - \"v1beta1 Widget is deprecated\", 299 - \"unknown field \\\"spec.x\\\"\"")
                .withHeader("Warning", "299 kube-apiserver \"third\" \"Tue, 24 Nov 2026 10:00:00 GMT\"")));
        List<String> seen = new CopyOnWriteArrayList<>();
        RestClient rest = RestClient.create(ClientConfig.builder(base).build(),
                (code, agent, text) -> seen.add(code + " " + agent + " " + text));

        StepVerifier.create(rest.get().absPath("/apis").execute()).expectComplete().verify(WAIT);
        assertThat(seen).containsExactly("299 - v1beta1 Widget is deprecated", "299 - unknown field \"spec.x\"",
                "299 kube-apiserver third");
        rest.dispose();
    }
}
