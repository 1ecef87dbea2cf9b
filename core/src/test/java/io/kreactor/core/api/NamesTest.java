package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    /** Each row: rule, value, valid? — cases taken from the rules in apimachinery's validation. */
    @ParameterizedTest(name = "{0} ''{1}'' valid={2}")
    @CsvSource(delimiter = '|', value = {
            "DNS1123_LABEL|my-name|true",
            "DNS1123_LABEL|123-abc|true",
            "DNS1123_LABEL|a|true",
            "DNS1123_LABEL|''|false",
            "DNS1123_LABEL|My-Name|false",
            "DNS1123_LABEL|-name|false",
            "DNS1123_LABEL|name-|false",
            "DNS1123_LABEL|my.name|false",
            "DNS1123_SUBDOMAIN|example.com|true",
            "DNS1123_SUBDOMAIN|a.b-c.d|true",
            "DNS1123_SUBDOMAIN|a..b|false",
            "DNS1123_SUBDOMAIN|.a|false",
            "DNS1123_SUBDOMAIN|a_b|false",
            "DNS1123_SUBDOMAIN|Web|false",
            "PATH_SEGMENT_NAME|Web_1 :x|true",
            "PATH_SEGMENT_NAME|.|false",
            "PATH_SEGMENT_NAME|..|false",
            "PATH_SEGMENT_NAME|a/b|false",
            "PATH_SEGMENT_NAME|a%2F|false",
            "PATH_SEGMENT_NAME|...|true",
            "PATH_SEGMENT_PREFIX|.|true",
            "PATH_SEGMENT_PREFIX|web-|true",
            "PATH_SEGMENT_PREFIX|we/b-|false",
            "QUALIFIED_NAME|app|true",
            "QUALIFIED_NAME|app.kubernetes.io/name|true",
            "QUALIFIED_NAME|My_Key.1|true",
            "QUALIFIED_NAME|/name|false",
            "QUALIFIED_NAME|example.com/|false",
            "QUALIFIED_NAME|Example.com/name|false",
            "QUALIFIED_NAME|a/b/c|false",
            "QUALIFIED_NAME|_app|false",
            "QUALIFIED_NAME|''|false",
            "LABEL_VALUE|''|true",
            "LABEL_VALUE|MyValue|true",
            "LABEL_VALUE|my_value|true",
            "LABEL_VALUE|12345|true",
            "LABEL_VALUE|-x|false",
            "LABEL_VALUE|a b|false",
            "LABEL_VALUE|a/b|false"})
    void rulesAcceptAndRejectAsKubernetesDoes(Names.Rule rule, String value, boolean valid) {
        assertThat(rule.isValid(value)).as("%s '%s'", rule, value).isEqualTo(valid);
        assertThat(rule.validate(value).isEmpty()).isEqualTo(valid);
    }

    @Test
    void lengthLimitsAreEnforced() {
        assertThat(Names.isDns1123Label("a".repeat(63))).isTrue();
        assertThat(Names.Rule.DNS1123_LABEL.validate("a".repeat(64))).containsExactly("must be no more than 63 characters");
        assertThat(Names.isDns1123Subdomain("a".repeat(253))).isTrue();
        assertThat(Names.isDns1123Subdomain("a".repeat(254))).isFalse();
        assertThat(Names.isQualifiedName("a".repeat(63))).isTrue();
        assertThat(Names.Rule.QUALIFIED_NAME.validate("a".repeat(64))).containsExactly("name part must be no more than 63 characters");
        assertThat(Names.isQualifiedName("a".repeat(253) + "/x")).isTrue();
        assertThat(Names.Rule.QUALIFIED_NAME.validate("a".repeat(254) + "/x")).containsExactly("prefix part must be no more than 253 characters");
        assertThat(Names.isLabelValue("v".repeat(63))).isTrue();
        assertThat(Names.isLabelValue("v".repeat(64))).isFalse();
    }

    @Test
    void checkNamesTheValueWhatItIsAndTheRule() {
        assertThatThrownBy(() -> Names.Rule.DNS1123_SUBDOMAIN.check("configmap name", "My_Config"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid configmap name 'My_Config' (not a valid RFC 1123 subdomain): ")
                .hasMessageContaining("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters");
        assertThat(Names.Rule.DNS1123_LABEL.check("namespace", "kube-system")).isEqualTo("kube-system");
    }

    @Test
    void pathSegmentCheckMatchesClientGoMessages() {
        assertThatThrownBy(() -> Names.checkPathSegmentName("name", ".."))
                .hasMessage("invalid name '..' (not a valid path segment name): may not be '..'");
        assertThatThrownBy(() -> Names.checkPathSegmentName("namespace", "a/b%"))
                .hasMessage("invalid namespace 'a/b%' (not a valid path segment name): may not contain '/'; may not contain '%'");
        assertThat(Names.isValidPathSegmentName("web-0")).isTrue();
    }

    @Test
    void nullIsInvalidForEveryRule() {
        for (Names.Rule rule : Names.Rule.values()) {
            assertThat(rule.validate(null)).containsExactly("must not be null");
        }
    }
}
