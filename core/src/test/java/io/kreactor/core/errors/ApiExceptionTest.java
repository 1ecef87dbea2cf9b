package io.kreactor.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.Status;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ApiExceptionTest {

    private static final String URL = "https://127.0.0.1:6443/api/v1/namespaces/default/pods/web";

    /** Every {@code metav1.StatusReason} with the code the API server pairs it with and the class it maps to. */
    static Stream<Arguments> reasons() {
        return Stream.of(
                Arguments.of("BadRequest", 400, BadRequestException.class),
                Arguments.of("Unauthorized", 401, UnauthorizedException.class),
                Arguments.of("Forbidden", 403, ForbiddenException.class),
                Arguments.of("NotFound", 404, NotFoundException.class),
                Arguments.of("MethodNotAllowed", 405, MethodNotAllowedException.class),
                Arguments.of("NotAcceptable", 406, NotAcceptableException.class),
                Arguments.of("AlreadyExists", 409, AlreadyExistsException.class),
                Arguments.of("Conflict", 409, ConflictException.class),
                Arguments.of("Gone", 410, GoneException.class),
                Arguments.of("Expired", 410, GoneException.class),
                Arguments.of("RequestEntityTooLarge", 413, RequestEntityTooLargeException.class),
                Arguments.of("UnsupportedMediaType", 415, UnsupportedMediaTypeException.class),
                Arguments.of("Invalid", 422, InvalidException.class),
                Arguments.of("TooManyRequests", 429, TooManyRequestsException.class),
                Arguments.of("InternalError", 500, InternalErrorException.class),
                Arguments.of("ServerTimeout", 500, ServerTimeoutException.class),
                Arguments.of("ServiceUnavailable", 503, ServiceUnavailableException.class),
                Arguments.of("Timeout", 504, ApiTimeoutException.class));
    }

    @ParameterizedTest(name = "reason {0} -> {2}")
    @MethodSource("reasons")
    void reasonPicksTheSubclassWhateverTheCode(String reason, int code, Class<? extends ApiException> expected) {
        // A proxy may rewrite the code; the reason is what the API server meant.
        ApiException e = ApiException.from(Status.failure(599, reason, "boom"), 599, "GET", URL);
        assertThat(e).isExactlyInstanceOf(expected);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(ApiException.from(Status.failure(code, reason, "boom"), code, "GET", URL)).isExactlyInstanceOf(expected);
    }

    /** client-go's {@code reasonAndCodeForError} fallback table: code to class when the reason says nothing. */
    static Stream<Arguments> codes() {
        return Stream.of(
                Arguments.of(400, BadRequestException.class),
                Arguments.of(401, UnauthorizedException.class),
                Arguments.of(403, ForbiddenException.class),
                Arguments.of(404, NotFoundException.class),
                Arguments.of(405, MethodNotAllowedException.class),
                Arguments.of(406, NotAcceptableException.class),
                Arguments.of(409, ConflictException.class),
                Arguments.of(410, GoneException.class),
                Arguments.of(413, RequestEntityTooLargeException.class),
                Arguments.of(415, UnsupportedMediaTypeException.class),
                Arguments.of(422, InvalidException.class),
                Arguments.of(429, TooManyRequestsException.class),
                Arguments.of(500, InternalErrorException.class),
                Arguments.of(503, ServiceUnavailableException.class),
                Arguments.of(504, ApiTimeoutException.class),
                Arguments.of(418, ApiException.class),
                Arguments.of(502, ApiException.class));
    }

    @ParameterizedTest(name = "empty reason, code {0} -> {1}")
    @MethodSource("codes")
    void emptyReasonFallsBackToTheHttpCode(int code, Class<? extends ApiException> expected) {
        assertThat(ApiException.from(Status.failure(code, "", "x"), code, "GET", URL)).isExactlyInstanceOf(expected);
        assertThat(ApiException.from(Status.failure(code, null, "x"), code, "GET", URL)).isExactlyInstanceOf(expected);
    }

    @ParameterizedTest(name = "unknown reason, code {0} -> {1}")
    @MethodSource("codes")
    void unknownReasonFallsBackToTheHttpCode(int code, Class<? extends ApiException> expected) {
        assertThat(ApiException.from(Status.failure(code, "StoreReadError", "x"), code, "PUT", URL)).isExactlyInstanceOf(expected);
    }

    @Test
    void messageNamesVerbUrlCodeReasonAndServerMessage() {
        ApiException e = ApiException.from(Status.failure(404, "NotFound", "pods \"web\" not found"), 404, "GET", URL);
        assertThat(e).hasMessage("GET " + URL + ": 404 NotFound: pods \"web\" not found");
        assertThat(e.verb()).isEqualTo("GET");
        assertThat(e.url()).isEqualTo(URL);
        assertThat(e.code()).isEqualTo(404);
        assertThat(e.status().message()).isEqualTo("pods \"web\" not found");
        assertThat(e).isInstanceOf(KubernetesException.class);
    }

    @Test
    void messageLeavesOutAnEmptyReasonAndMessage() {
        assertThat(ApiException.from(Status.failure(502, "", ""), 502, "POST", URL)).hasMessage("POST " + URL + ": 502");
    }

    @Test
    void invalidExposesTheFieldCausesOfARealServerStatus() throws Exception {
        String json = """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                 "message":"Pod \\"web\\" is invalid: [spec.containers: Required value, metadata.name: Invalid value: \\"Web\\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters]",
                 "reason":"Invalid",
                 "details":{"name":"web","kind":"Pod","causes":[
                   {"reason":"FieldValueRequired","message":"Required value","field":"spec.containers"},
                   {"reason":"FieldValueInvalid","message":"Invalid value: \\"Web\\"","field":"metadata.name"}]},
                 "code":422}""";
        Status status = KubernetesJson.mapper().readValue(json, Status.class);
        InvalidException e = (InvalidException) ApiException.from(status, 422, "POST", URL);
        assertThat(e.causes()).containsExactly(
                new Status.Cause("FieldValueRequired", "Required value", "spec.containers"),
                new Status.Cause("FieldValueInvalid", "Invalid value: \"Web\"", "metadata.name"));
        assertThat(e).hasMessageContaining("POST " + URL + ": 422 Invalid: Pod \"web\" is invalid");
    }

    @Test
    void invalidWithoutDetailsHasNoCauses() {
        InvalidException e = (InvalidException) ApiException.from(Status.failure(422, "Invalid", "bad"), 422, "PUT", URL);
        assertThat(e.causes()).isEmpty();
    }

    @Test
    void tooManyRequestsReportsTheRetryAfterTheServerAskedFor() {
        Status throttled = new Status("Status", "v1", Status.FAILURE, "Too many requests, please try again later.",
                "TooManyRequests", new Status.Details(null, null, null, null, null, 3), 429);
        TooManyRequestsException e = (TooManyRequestsException) ApiException.from(throttled, 429, "GET", URL);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));

        TooManyRequestsException noHint = (TooManyRequestsException) ApiException.from(Status.failure(429, "TooManyRequests", "slow"), 429, "GET", URL);
        assertThat(noHint.retryAfter()).isEmpty();
        Status zero = new Status("Status", "v1", Status.FAILURE, "m", "TooManyRequests", new Status.Details(null, null, null, null, List.of(), 0), 429);
        assertThat(((TooManyRequestsException) ApiException.from(zero, 429, "GET", URL)).retryAfter()).isEmpty();
    }

    @Test
    void goneDistinguishesAnExpiredResourceVersionFromGone() {
        GoneException expired = (GoneException) ApiException.from(
                Status.failure(410, "Expired", "too old resource version: 1 (1234)"), 410, "GET", URL);
        GoneException gone = (GoneException) ApiException.from(Status.failure(410, "Gone", "gone"), 410, "GET", URL);
        GoneException byCode = (GoneException) ApiException.from(Status.failure(410, "", "no reason"), 410, "GET", URL);
        assertThat(expired.isExpired()).isTrue();
        assertThat(gone.isExpired()).isFalse();
        assertThat(byCode.isExpired()).isFalse();
    }
}
