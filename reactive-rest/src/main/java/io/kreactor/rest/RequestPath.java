package io.kreactor.rest;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * URL building as client-go's {@code rest.Request.URL()} does it: validated path segments, percent-encoded
 * names, and query parameters sorted by name (Go's {@code url.Values.Encode}).
 */
final class RequestPath {

    private RequestPath() {
    }

    /**
     * Why {@code segment} cannot be a path segment (client-go's {@code IsValidPathSegmentName}), or null when it
     * can: it must not be {@code .} or {@code ..} and must not contain {@code /} or {@code %}.
     */
    static String invalidSegment(String segment) {
        if (segment.equals(".") || segment.equals("..")) {
            return "may not be '" + segment + "'";
        }
        if (segment.indexOf('/') >= 0) {
            return "may not contain '/'";
        }
        if (segment.indexOf('%') >= 0) {
            return "may not contain '%'";
        }
        return null;
    }

    /** Percent-encodes a path segment the way Go's {@code url.PathEscape} does. */
    static String escapeSegment(String segment) {
        StringBuilder sb = new StringBuilder(segment.length());
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c) || "$&+,:;=@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                percent(sb, c);
            }
        }
        return sb.toString();
    }

    /** Percent-encodes a query name or value the way Go's {@code url.QueryEscape} does (space as {@code +}). */
    static String escapeQuery(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                sb.append((char) c);
            } else if (c == ' ') {
                sb.append('+');
            } else {
                percent(sb, c);
            }
        }
        return sb.toString();
    }

    /** {@code name=value&…}, names sorted, values of one name in insertion order; empty for no parameters. */
    static String encodeQuery(Map<String, List<String>> params) {
        StringBuilder sb = new StringBuilder();
        params.keySet().stream().sorted().forEach(name -> {
            for (String value : params.get(name)) {
                if (sb.length() > 0) {
                    sb.append('&');
                }
                sb.append(escapeQuery(name)).append('=').append(escapeQuery(value));
            }
        });
        return sb.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    private static void percent(StringBuilder sb, int c) {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
    }
}
