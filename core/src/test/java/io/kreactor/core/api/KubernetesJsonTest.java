package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubernetesJsonTest {

    private final ObjectMapper mapper = KubernetesJson.mapper();

    record Meta(String name, String namespace, Instant creationTimestamp) {
    }

    record Stamp(OffsetDateTime at) {
    }

    @Test
    void unknownFieldsAreIgnoredBecauseServersAddFieldsInEveryRelease() throws Exception {
        Meta m = mapper.readValue("{\"name\":\"web\",\"fieldFromTheFuture\":{\"x\":1},\"namespace\":\"ns\"}", Meta.class);
        assertThat(m).isEqualTo(new Meta("web", "ns", null));
    }

    @Test
    void nullsAreNotWrittenSoAMergePatchDeletesNothingByAccident() throws Exception {
        assertThat(mapper.writeValueAsString(new Meta("web", null, null))).isEqualTo("{\"name\":\"web\"}");
    }

    @Test
    void nullMapEntriesAreWrittenSoAMergePatchCanDeleteAKey() throws Exception {
        Map<String, Object> labels = new HashMap<>();
        labels.put("app", null);
        Map<String, Object> patch = Map.of("metadata", Map.of("labels", labels));
        assertThat(mapper.writeValueAsString(patch)).isEqualTo("{\"metadata\":{\"labels\":{\"app\":null}}}");
    }

    @Test
    void instantsAreWrittenAndReadAsRfc3339() throws Exception {
        Instant t = Instant.parse("2024-03-01T12:34:56Z");
        String json = mapper.writeValueAsString(new Meta("web", null, t));
        assertThat(json).isEqualTo("{\"name\":\"web\",\"creationTimestamp\":\"2024-03-01T12:34:56Z\"}");
        assertThat(mapper.readValue(json, Meta.class).creationTimestamp()).isEqualTo(t);
    }

    @Test
    void microTimeWithFractionAndAnOffsetAreRead() throws Exception {
        assertThat(mapper.readValue("{\"creationTimestamp\":\"2024-03-01T12:34:56.123456Z\"}", Meta.class).creationTimestamp())
                .isEqualTo(Instant.parse("2024-03-01T12:34:56.123456Z"));
        assertThat(mapper.readValue("{\"at\":\"2024-03-01T14:34:56+02:00\"}", Stamp.class).at().toInstant())
                .isEqualTo(Instant.parse("2024-03-01T12:34:56Z"));
        assertThat(mapper.writeValueAsString(new Stamp(OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.UTC))))
                .isEqualTo("{\"at\":\"2024-03-01T12:00:00Z\"}");
    }

    @Test
    void newMapperIsConfiguredLikeTheSharedOneButIsADifferentInstance() throws Exception {
        ObjectMapper fresh = KubernetesJson.newMapper();
        assertThat(fresh).isNotSameAs(KubernetesJson.mapper());
        assertThat(fresh.writeValueAsString(new Meta("a", null, null))).isEqualTo(mapper.writeValueAsString(new Meta("a", null, null)));
        assertThat(fresh.readValue("{\"name\":\"a\",\"extra\":true}", Meta.class)).isEqualTo(new Meta("a", null, null));
    }
}
