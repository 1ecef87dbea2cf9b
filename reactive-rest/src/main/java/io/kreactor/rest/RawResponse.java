package io.kreactor.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A response as received: status code, headers and the whole body. Returned by {@link Request#exchange()},
 * which does not turn non-2xx codes into errors.
 *
 * @param statusCode the HTTP status code
 * @param headers    the response headers, names in lower case
 * @param body       the body bytes, empty when there was none
 */
public record RawResponse(int statusCode, Map<String, List<String>> headers, byte[] body) {

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The body decoded as UTF-8. */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Shows code and body size, not contents. */
    @Override
    public String toString() {
        return "RawResponse[" + statusCode + ", " + body.length + " bytes]";
    }
}
