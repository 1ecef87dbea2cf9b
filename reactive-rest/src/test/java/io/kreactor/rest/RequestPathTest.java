package io.kreactor.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Path-segment validation and escaping as client-go (Go's net/url) does them. */
class RequestPathTest {

    @Test
    void segmentsMayNotBeDotsOrContainSlashOrPercent() {
        assertThat(RequestPath.invalidSegment("web-0")).isNull();
        assertThat(RequestPath.invalidSegment("a.b")).isNull();
        assertThat(RequestPath.invalidSegment(".")).isEqualTo("may not be '.'");
        assertThat(RequestPath.invalidSegment("..")).isEqualTo("may not be '..'");
        assertThat(RequestPath.invalidSegment("a/b")).isEqualTo("may not contain '/'");
        assertThat(RequestPath.invalidSegment("a%2F")).isEqualTo("may not contain '%'");
    }

    @Test
    void pathSegmentsKeepGoPathCharactersAndEscapeTheRest() {
        assertThat(RequestPath.escapeSegment("system:node:n1@x=y")).isEqualTo("system:node:n1@x=y");
        assertThat(RequestPath.escapeSegment("a b?#\u00e9")).isEqualTo("a%20b%3F%23%C3%A9");
    }

    @Test
    void queryValuesAreEscapedLikeGoQueryEscape() {
        assertThat(RequestPath.escapeQuery("a b*~'!(),;/?:@&=+$")).isEqualTo("a+b%2A~%27%21%28%29%2C%3B%2F%3F%3A%40%26%3D%2B%24");
    }

    @Test
    void queryIsSortedByNameKeepingValueOrder() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("watch", List.of("true"));
        params.put("fieldManager", List.of("b", "a"));
        assertThat(RequestPath.encodeQuery(params)).isEqualTo("fieldManager=b&fieldManager=a&watch=true");
        assertThat(RequestPath.encodeQuery(Map.of())).isEmpty();
    }
}
