package io.kreactor.rest.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.rest.transport.WarningHeaders.Warning;
import org.junit.jupiter.api.Test;

/** Parsing of {@code Warning} header values as client-go's {@code ParseWarningHeader} does. */
class WarningHeadersTest {

    @Test
    void parsesOneKubernetesWarning() {
        assertThat(WarningHeaders.parse("299 - \"batch/v1beta1 CronJob is deprecated\""))
                .containsExactly(new Warning(299, "-", "batch/v1beta1 CronJob is deprecated"));
    }

    @Test
    void parsesSeveralCommaSeparatedWarningsWithEscapesCommasAndDates() {
        assertThat(WarningHeaders.parse("299 - \"a, b\", 299 agent \"say \\\"hi\\\"\" \"Tue, 24 Nov 2026 10:00:00 GMT\",299 - \"c\""))
                .containsExactly(new Warning(299, "-", "a, b"), new Warning(299, "agent", "say \"hi\""),
                        new Warning(299, "-", "c"));
    }

    @Test
    void skipsMalformedEntriesAndKeepsTheRest() {
        assertThat(WarningHeaders.parse("garbage, 29 - \"short code\", 299 - unquoted, 299 - \"good\", 299 - \"unterminated"))
                .containsExactly(new Warning(299, "-", "good"));
        assertThat(WarningHeaders.parse("")).isEmpty();
        assertThat(WarningHeaders.parse(null)).isEmpty();
    }
}
