package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatusJsonTest {

    private final ObjectMapper mapper = KubernetesJson.mapper();

    /** Verbatim from kube-apiserver 1.31: GET of a missing pod. */
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"nope\\" not found",\
            "reason":"NotFound","details":{"name":"nope","kind":"pods"},"code":404}""";

    /** Verbatim from kube-apiserver 1.31: a watch from a compacted resourceVersion, as a watch ERROR event's object. */
    private static final String EXPIRED = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
            "message":"too old resource version: 1 (2461)","reason":"Expired","code":410}""";

    @Test
    void decodesANotFoundStatusFromTheApiServer() throws Exception {
        Status s = mapper.readValue(NOT_FOUND, Status.class);
        assertThat(s).isEqualTo(new Status("Status", "v1", "Failure", "pods \"nope\" not found", "NotFound",
                new Status.Details("nope", null, "pods", null, null, 0), 404));
    }

    @Test
    void roundTripsWithoutChangingTheServerJsonExceptEmptyMetadata() throws Exception {
        for (String json : new String[] {NOT_FOUND, EXPIRED}) {
            Status s = mapper.readValue(json, Status.class);
            JsonNode written = mapper.valueToTree(s);
            JsonNode original = mapper.readTree(json);
            ((com.fasterxml.jackson.databind.node.ObjectNode) original).remove("metadata");
            assertThat(written).isEqualTo(original);
            assertThat(mapper.readValue(mapper.writeValueAsString(s), Status.class)).isEqualTo(s);
        }
    }

    @Test
    void decodesAWatchErrorEventsStatus() throws Exception {
        Status s = mapper.readValue(EXPIRED, Status.class);
        WatchEvent<Object> event = WatchEvent.error(s);
        assertThat(event.isError()).isTrue();
        assertThat(event.status().code()).isEqualTo(410);
        assertThat(event.status().reason()).isEqualTo("Expired");
        assertThat(event.status().details()).isNull();
    }

    @Test
    void decodesRetryAfterAndCausesInDetails() throws Exception {
        String json = """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"Too many requests",\
                "reason":"TooManyRequests","details":{"causes":[{"message":"slow down"}],"retryAfterSeconds":2},"code":429}""";
        Status s = mapper.readValue(json, Status.class);
        assertThat(s.details().retryAfterSeconds()).isEqualTo(2);
        assertThat(s.details().causes()).containsExactly(new Status.Cause(null, "slow down", null));
    }

    @Test
    void absentCodeDecodesAsZeroAndIsNotWritten() throws Exception {
        Status s = mapper.readValue("{\"status\":\"Success\"}", Status.class);
        assertThat(s.code()).isZero();
        assertThat(mapper.writeValueAsString(s)).isEqualTo("{\"status\":\"Success\"}");
    }
}
