package io.kreactor.rest.transport;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the transport sends it: method, absolute URL, headers and an optional body.
 *
 * <p>Immutable. The body is a byte array, so it can always be sent again: the retry and auth filters
 * rely on that. {@link #toString()} shows method and URL only — never headers, which may carry
 * credentials.
 *
 * @param method    the HTTP method, upper case
 * @param url       the absolute URL, query included
 * @param headers   header names (case as given) to values; {@code Authorization} is added by the auth filter
 * @param body      the body bytes, or null for none
 * @param streaming true for watches and log streams: no request timeout applies and the body is read
 *                  incrementally
 * @param timeout   bound from sending to the last response byte, or null/zero for none; ignored when streaming
 */
public record TransportRequest(String method, String url, Map<String, String> headers, byte[] body,
                               boolean streaming, Duration timeout) {

    /** Copies the headers and normalizes the method. */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        method = method.toUpperCase(Locale.ROOT);
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
    }

    /** A copy with header {@code name} set to {@code value} (replacing any value under the same name, ignoring case). */
    public TransportRequest withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                copy.put(k, v);
            }
        });
        copy.put(name, value);
        return new TransportRequest(method, url, copy, body, streaming, timeout);
    }

    /** The value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** {@code METHOD url}, as used in error messages. */
    public String describe() {
        return method + " " + url;
    }

    /** Method and URL; never headers or body. */
    @Override
    public String toString() {
        return "TransportRequest[" + describe() + (body == null ? "" : ", " + body.length + " body bytes") + "]";
    }
}
