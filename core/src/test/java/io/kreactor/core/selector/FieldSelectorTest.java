package io.kreactor.core.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FieldSelectorTest {

    @Test
    void builderRendersTermsInOrder() {
        FieldSelector s = FieldSelector.builder().equal("metadata.name", "web").notEqual("status.phase", "Running").build();
        assertThat(s.toString()).isEqualTo("metadata.name=web,status.phase!=Running");
    }

    @Test
    void valuesAreEscapedAsFieldsEscapeValueDoes() {
        FieldSelector s = FieldSelector.builder().equal("metadata.name", "a,b=c\\d").build();
        assertThat(s.toString()).isEqualTo("metadata.name=a\\,b\\=c\\\\d");
        assertThat(FieldSelector.parse(s.toString())).isEqualTo(s);
        assertThat(FieldSelector.parse(s.toString()).terms().get(0).value()).isEqualTo("a,b=c\\d");
    }

    @Test
    void escapeAndUnescapeAreInverse() {
        for (String raw : new String[] {"", "plain", "\\", ",", "=", "a\\,=b", "\\\\"}) {
            assertThat(FieldSelector.unescapeValue(FieldSelector.escapeValue(raw))).isEqualTo(raw);
        }
    }

    /** Each row: input, canonical rendering — as fields.ParseSelector(...).String(), terms kept in order. */
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "a=b|a=b",
            "a==b|a=b",
            "a!=b|a!=b",
            "a=b,c!=d|a=b,c!=d",
            "a=|a=",
            "a=b,,c=d|a=b,c=d",
            "a=b\\,c|a=b\\,c",
            "a=b\\=c|a=b\\=c",
            "x.y!=\\=b|x.y!=\\=b",
            "''|''"})
    void parsesWhatKubernetesParses(String input, String rendered) {
        assertThat(FieldSelector.parse(input).toString()).isEqualTo(rendered);
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "a|cannot understand term 'a'",
            "a=b=c|unescaped '=' in value 'b=c'",
            "a=b\\x|invalid escape sequence '\\x'",
            "a=b\\|invalid escape sequence '\\' at the end",
            "a!==b|unescaped '=' in value '=b'",
            "=b|needs a field name"})
    void rejectsInvalidSelectorsNamingTheTerm(String input, String fragment) {
        assertThatThrownBy(() -> FieldSelector.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid field selector '" + input + "': ")
                .hasMessageContaining(fragment);
    }

    @Test
    void builderRejectsFieldNamesThatWouldChangeHowTheSelectorSplits() {
        assertThatThrownBy(() -> FieldSelector.builder().equal("status,phase", "x"))
                .hasMessageContaining("invalid field selector field 'status,phase': may not contain ','");
        assertThatThrownBy(() -> FieldSelector.builder().equal("", "x")).hasMessageContaining("needs a field name");
    }

    @Test
    void matchesTreatsAbsentFieldsAsEmpty() {
        Map<String, String> pod = Map.of("metadata.name", "web", "status.phase", "Running");
        assertThat(FieldSelector.parse("metadata.name=web").matches(pod)).isTrue();
        assertThat(FieldSelector.parse("metadata.name=web,status.phase!=Running").matches(pod)).isFalse();
        assertThat(FieldSelector.parse("spec.nodeName=").matches(pod)).isTrue();
        assertThat(FieldSelector.parse("spec.nodeName!=").matches(pod)).isFalse();
        assertThat(FieldSelector.parse("spec.nodeName!=node-1").matches(pod)).isTrue();
        assertThat(FieldSelector.EVERYTHING.matches(pod)).isTrue();
        assertThat(FieldSelector.EVERYTHING.toString()).isEmpty();
    }

    @Test
    void andReturnsACopy() {
        FieldSelector one = FieldSelector.builder().equal("a", "1").build();
        FieldSelector two = one.and(new FieldSelector.Term("b", FieldSelector.Operator.NOT_EQUALS, "2"));
        assertThat(one.toString()).isEqualTo("a=1");
        assertThat(two.toString()).isEqualTo("a=1,b!=2");
    }
}
