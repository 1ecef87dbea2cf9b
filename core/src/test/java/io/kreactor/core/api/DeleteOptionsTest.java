package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DeleteOptionsTest {

    private final ObjectMapper mapper = KubernetesJson.mapper();

    private final DeleteOptions full = DeleteOptions.DEFAULT
            .withGracePeriodSeconds(0)
            .withPropagationPolicy(PropagationPolicy.FOREGROUND)
            .withPreconditions(new Preconditions("6b1b0a8c-uid", "42"))
            .withDryRun(true);

    @Test
    void queryParametersCarryGracePeriodPropagationAndDryRunButNotPreconditions() {
        assertThat(full.toQueryParameters()).containsExactly(
                entry("gracePeriodSeconds", "0"), entry("propagationPolicy", "Foreground"), entry("dryRun", "All"));
        assertThat(full.requiresBody()).isTrue();
        assertThat(full.withPreconditions(null).requiresBody()).isFalse();
    }

    @Test
    void bodyIsTheDeleteOptionsJsonClientGoSends() throws Exception {
        assertThat(mapper.writeValueAsString(full.toBody())).isEqualTo(
                "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0,"
                        + "\"preconditions\":{\"uid\":\"6b1b0a8c-uid\",\"resourceVersion\":\"42\"},"
                        + "\"propagationPolicy\":\"Foreground\",\"dryRun\":[\"All\"]}");
    }

    @Test
    void defaultBodyHasOnlyKindAndApiVersion() throws Exception {
        assertThat(mapper.writeValueAsString(DeleteOptions.DEFAULT.toBody()))
                .isEqualTo("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}");
    }

    @Test
    void emptyPreconditionsAreLeftOutOfTheBody() throws Exception {
        String json = mapper.writeValueAsString(DeleteOptions.DEFAULT.withPreconditions(new Preconditions(null, "")).toBody());
        assertThat(json).isEqualTo("{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}");
    }

    @Test
    void bodyReadBackGivesTheSameOptions() throws Exception {
        String json = "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\","
                + "\"preconditions\":{\"uid\":\"u-1\"},\"gracePeriodSeconds\":30,\"dryRun\":[\"All\"],\"orphanDependents\":null}";
        DeleteOptions read = mapper.readValue(json, DeleteOptions.Body.class).toOptions();
        assertThat(read).isEqualTo(DeleteOptions.DEFAULT.withGracePeriodSeconds(30)
                .withPropagationPolicy(PropagationPolicy.ORPHAN).withPreconditions(Preconditions.uid("u-1")).withDryRun(true));
        assertThat(mapper.readValue(mapper.writeValueAsString(full.toBody()), DeleteOptions.Body.class).toOptions()).isEqualTo(full);
    }

    @Test
    void bodyWithUnknownDryRunValueIsRejected() throws Exception {
        DeleteOptions.Body body = mapper.readValue("{\"dryRun\":[\"Some\"]}", DeleteOptions.Body.class);
        assertThatThrownBy(body::toOptions).hasMessageContaining("'Some'").hasMessageContaining("'All'");
    }

    @Test
    void negativeGracePeriodIsRejected() {
        assertThatThrownBy(() -> DeleteOptions.DEFAULT.withGracePeriodSeconds(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gracePeriodSeconds must not be negative, was -1");
    }
}
