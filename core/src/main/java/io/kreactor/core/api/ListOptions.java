package io.kreactor.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters of a LIST ({@code metav1.ListOptions} without the watch-only fields).
 * Immutable: every {@code withX} returns a copy. {@link #DEFAULT} sets nothing, so the server applies
 * its own defaults (the most recent data, no limit).
 *
 * @param labelSelector        a label selector such as {@code app=web,tier in (fe,be)}, or null
 * @param fieldSelector        a field selector such as {@code status.phase=Running}, or null
 * @param limit                the page size, or null for no limit (client-go's informers use 500)
 * @param continueToken        the {@code continue} token of the previous page, or null
 * @param resourceVersion      the resourceVersion to list at (semantics per {@code resourceVersionMatch}), or null
 * @param resourceVersionMatch how {@code resourceVersion} is matched, or null
 * @param timeoutSeconds       a server-side timeout for the call, or null
 */
public record ListOptions(String labelSelector, String fieldSelector, Long limit, String continueToken,
                          String resourceVersion, ResourceVersionMatch resourceVersionMatch,
                          Integer timeoutSeconds) implements QueryOptions {

    /** No parameters at all. */
    public static final ListOptions DEFAULT = new ListOptions(null, null, null, null, null, null, null);

    /** Rejects a non-positive limit, which Kubernetes would treat as "no limit" silently. */
    public ListOptions {
        if (limit != null && limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        if (timeoutSeconds != null && timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeoutSeconds must not be negative, was " + timeoutSeconds);
        }
    }

    /** A copy with {@code labelSelector}. */
    public ListOptions withLabelSelector(String labelSelector) {
        return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion, resourceVersionMatch, timeoutSeconds);
    }

    /** A copy with {@code fieldSelector}. */
    public ListOptions withFieldSelector(String fieldSelector) {
        return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion, resourceVersionMatch, timeoutSeconds);
    }

    /** A copy with page size {@code limit}. */
    public ListOptions withLimit(long limit) {
        return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion, resourceVersionMatch, timeoutSeconds);
    }

    /** A copy that asks for the page after {@code continueToken}. */
    public ListOptions withContinue(String continueToken) {
        return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion, resourceVersionMatch, timeoutSeconds);
    }

    /** A copy with {@code resourceVersion}. */
    public ListOptions withResourceVersion(String resourceVersion) {
        return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion, resourceVersionMatch, timeoutSeconds);
    }

    /** A copy with {@code resourceVersionMatch}. */
    public ListOptions withResourceVersionMatch(ResourceVersionMatch match) {
        return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion, match, timeoutSeconds);
    }

    /** A copy with a server-side {@code timeoutSeconds}. */
    public ListOptions withTimeoutSeconds(int timeoutSeconds) {
        return new ListOptions(labelSelector, fieldSelector, limit, continueToken, resourceVersion, resourceVersionMatch, timeoutSeconds);
    }

    /** The watch options that share this list's selectors (used to watch what was just listed). */
    public WatchOptions toWatchOptions() {
        return WatchOptions.DEFAULT.withLabelSelector(labelSelector).withFieldSelector(fieldSelector);
    }

    @Override
    public Map<String, String> toQueryParameters() {
        Map<String, String> q = new LinkedHashMap<>();
        putIfSet(q, "labelSelector", labelSelector);
        putIfSet(q, "fieldSelector", fieldSelector);
        putIfSet(q, "limit", limit);
        putIfSet(q, "continue", continueToken);
        putIfSet(q, "resourceVersion", resourceVersion);
        putIfSet(q, "resourceVersionMatch", resourceVersionMatch == null ? null : resourceVersionMatch.value());
        putIfSet(q, "timeoutSeconds", timeoutSeconds);
        return q;
    }

    static void putIfSet(Map<String, String> q, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isEmpty())) {
            q.put(name, String.valueOf(value));
        }
    }
}
