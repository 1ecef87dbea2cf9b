package io.kreactor.core.selector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabelSelectorTest {

    @Test
    void builderRendersEveryOperatorSortedByKeyWithSortedValues() {
        LabelSelector s = LabelSelector.builder()
                .in("tier", "fe", "be", "fe")
                .equal("app", "web")
                .notEqual("track", "canary")
                .notIn("zone", "b", "a")
                .exists("team")
                .doesNotExist("legacy")
                .build();
        assertThat(s.toString()).isEqualTo("app=web,!legacy,team,tier in (be,fe),track!=canary,zone notin (a,b)");
    }

    @Test
    void emptySelectorRendersEmptyAndMatchesEverything() {
        assertThat(LabelSelector.EVERYTHING.toString()).isEmpty();
        assertThat(LabelSelector.builder().build()).isSameAs(LabelSelector.EVERYTHING);
        assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
        assertThat(LabelSelector.EVERYTHING.matches(null)).isTrue();
        assertThat(LabelSelector.parse("  ")).isEqualTo(LabelSelector.EVERYTHING);
    }

    @Test
    void selectorsAreImmutable() {
        LabelSelector.Builder b = LabelSelector.builder().equal("a", "1");
        LabelSelector first = b.build();
        b.equal("b", "2");
        assertThat(first.toString()).isEqualTo("a=1");
        LabelSelector more = first.and(Requirement.of("c", Operator.EXISTS));
        assertThat(first.toString()).isEqualTo("a=1");
        assertThat(more.toString()).isEqualTo("a=1,c");
        assertThat(first.toBuilder().exists("z").build().toString()).isEqualTo("a=1,z");
        assertThat(first.requirements()).isUnmodifiable();
    }

    @Test
    void fromMapIsTheEqualitySelectorOfMatchLabels() {
        assertThat(LabelSelector.fromMap(Map.of("b", "2", "a", "1")).toString()).isEqualTo("a=1,b=2");
    }

    /** Each row: selector, labels as k=v;k=v, expected match — the semantics of labels.Requirement.Matches. */
    @ParameterizedTest(name = "''{0}'' on {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "app=web|app=web;tier=fe|true",
            "app=web|app=db|false",
            "app=web|''|false",
            "app==web|app=web|true",
            "app!=web|app=db|true",
            "app!=web|''|true",
            "app!=web|app=web|false",
            "tier in (fe,be)|tier=be|true",
            "tier in (fe,be)|tier=db|false",
            "tier in (fe,be)|''|false",
            "tier notin (fe,be)|''|true",
            "tier notin (fe,be)|tier=db|true",
            "tier notin (fe,be)|tier=fe|false",
            "team|team=|true",
            "team|''|false",
            "!team|''|true",
            "!team|team=x|false",
            "app=web,!legacy,tier in (fe)|app=web;tier=fe|true",
            "app=web,!legacy,tier in (fe)|app=web;tier=fe;legacy=y|false",
            "app=|app=|true",
            "app=|''|false"})
    void matchesLabelsAsTheApiServerDoes(String selector, String labels, boolean expected) {
        assertThat(LabelSelector.parse(selector).matches(labels(labels))).isEqualTo(expected);
    }

    /** Each row: input, canonical rendering — what labels.Parse(...).String() gives. */
    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(delimiter = '|', value = {
            "x=a,y=b|x=a,y=b",
            "y=b,x=a|x=a,y=b",
            "  app  =  web ,  tier!=db |app=web,tier!=db",
            "x==a|x==a",
            "x in (c,b,a)|x in (a,b,c)",
            "x notin(a)|x notin (a)",
            "x in ()|x in ()",
            "x in (a,)|x in (,a)",
            "x in (,a)|x in (,a)",
            "x in (a,,b)|x in (,a,b)",
            "x=|x=",
            "x=,y|x=,y",
            "!x|!x",
            "x|x",
            "example.com/app in (in,notin)|example.com/app in (in,notin)",
            "in=notin|in=notin",
            "a.b/c-d_e=F.g_h-1|a.b/c-d_e=F.g_h-1"})
    void parsesWhatKubernetesParses(String input, String rendered) {
        LabelSelector s = LabelSelector.parse(input);
        assertThat(s.toString()).isEqualTo(rendered);
        assertThat(LabelSelector.parse(s.toString())).isEqualTo(s);
    }

    /** Each row: input, a fragment the error must contain. */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '|', value = {
            "x=a,|found end of string, expected '!' or a key after ','",
            "x=a y=b|found 'y', expected ',' or end of string",
            "x in a|found 'a', expected '('",
            "x in (a b)|found 'b', expected ',' or ')'",
            "x in (a|found end of string, expected ',' or ')'",
            "!x=a|found '=', expected ',' or end of string",
            "x>1|found '>', expected one of '=', '==', '!=', 'in', 'notin' (numeric comparisons are not supported)",
            "=a|found '=', expected '!' or a key",
            "!|found end of string, expected a key after '!'",
            "x=(a)|found '(', expected a value",
            ",x|found ',', expected '!' or a key",
            "x y|found 'y', expected one of",
            "-x=a|invalid label key '-x'",
            "x=a b c|found 'b'",
            "app=we b|found 'b', expected ',' or end of string",
            "app=-web|invalid label value for key 'app' '-web'",
            "app in (ok,bad/value)|invalid label value for key 'app' 'bad/value'"})
    void rejectsInvalidSelectorsSayingWhereAndWhy(String input, String fragment) {
        assertThatThrownBy(() -> LabelSelector.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid label selector '" + input + "' at position ")
                .hasMessageContaining(fragment);
    }

    @Test
    void builderRejectsBadKeysAndValuesNamingThemAndTheRule() {
        assertThatThrownBy(() -> LabelSelector.builder().equal("Example.com/app", "web"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid label key 'Example.com/app'")
                .hasMessageContaining("prefix part a lowercase RFC 1123 subdomain");
        assertThatThrownBy(() -> LabelSelector.builder().equal("app", "web server"))
                .hasMessageContaining("invalid label value for key 'app' 'web server'")
                .hasMessageContaining("a valid label must be an empty string or consist of alphanumeric characters");
        assertThatThrownBy(() -> LabelSelector.builder().in("app", "x".repeat(64)))
                .hasMessageContaining("must be no more than 63 characters");
        assertThatThrownBy(() -> LabelSelector.builder().in("app"))
                .hasMessageContaining("'app'")
                .hasMessageContaining("values set can't be empty");
        assertThatThrownBy(() -> Requirement.of("app", Operator.EQUALS, "a", "b"))
                .hasMessageContaining("exact-match compatibility requires one single value");
        assertThatThrownBy(() -> Requirement.of("app", Operator.EXISTS, "a"))
                .hasMessageContaining("values set must be empty for exists and does not exist");
        assertThatThrownBy(() -> LabelSelector.builder().exists("a".repeat(64)))
                .hasMessageContaining("name part must be no more than 63 characters");
    }

    @Test
    void convertsAFabric8LabelSelectorWithMatchLabelsAndExpressions() {
        io.fabric8.kubernetes.api.model.LabelSelector selector = new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                .addToMatchLabels("app", "web")
                .addNewMatchExpression().withKey("tier").withOperator("In").withValues("fe", "be").endMatchExpression()
                .addNewMatchExpression().withKey("legacy").withOperator("DoesNotExist").endMatchExpression()
                .addNewMatchExpression().withKey("zone").withOperator("NotIn").withValues("a").endMatchExpression()
                .addNewMatchExpression().withKey("team").withOperator("Exists").endMatchExpression()
                .build();
        assertThat(LabelSelector.ofMetaV1(selector).toString()).isEqualTo("app=web,!legacy,team,tier in (be,fe),zone notin (a)");
        assertThat(LabelSelector.ofMetaV1(Map.of())).isSameAs(LabelSelector.EVERYTHING);
    }

    @Test
    void metaV1SelectorWithAnUnknownOperatorIsRejectedNamingIt() {
        Map<String, Object> bad = Map.of("matchExpressions", java.util.List.of(Map.of("key", "x", "operator", "Gt", "values", java.util.List.of("1"))));
        assertThatThrownBy(() -> LabelSelector.ofMetaV1(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Gt' is not a valid label selector operator (key 'x')");
        assertThatThrownBy(() -> LabelSelector.ofMetaV1(java.util.List.of()))
                .hasMessageContaining("must be a JSON object");
    }

    @Test
    void anEmptyValueIsValid() {
        assertThat(LabelSelector.builder().equal("app", "").build().toString()).isEqualTo("app=");
    }

    private static Map<String, String> labels(String spec) {
        Map<String, String> m = new java.util.HashMap<>();
        if (spec.isEmpty()) {
            return m;
        }
        for (String kv : spec.split(";")) {
            String[] p = kv.split("=", 2);
            m.put(p[0], p[1]);
        }
        return m;
    }
}
