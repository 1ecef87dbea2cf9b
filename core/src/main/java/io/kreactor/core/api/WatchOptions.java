package io.kreactor.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters of a WATCH ({@code metav1.ListOptions} with {@code watch=true}).
 * Immutable: every {@code withX} returns a copy. {@code watch=true} itself is added by the client.
 *
 * <p>Watch-list ("streaming list") is {@code sendInitialEvents=true} with
 * {@code resourceVersionMatch=NotOlderThan} and {@code allowWatchBookmarks=true}: the server sends the
 * current state as ADDED events and then a BOOKMARK annotated {@code k8s.io/initial-events-end: "true"}.
 *
 * @param labelSelector        a label selector, or null
 * @param fieldSelector        a field selector, or null
 * @param resourceVersion      start after this resourceVersion; null or {@code ""} means "from now"
 *                             (with {@code sendInitialEvents}, from the current state)
 * @param resourceVersionMatch how {@code resourceVersion} is matched, or null
 * @param timeoutSeconds       the server closes the watch after this long, or null for the server default
 * @param allowWatchBookmarks  ask for BOOKMARK events, or null
 * @param sendInitialEvents    ask for the initial state as events (watch-list), or null
 */
public record WatchOptions(String labelSelector, String fieldSelector, String resourceVersion,
                           ResourceVersionMatch resourceVersionMatch, Integer timeoutSeconds,
                           Boolean allowWatchBookmarks, Boolean sendInitialEvents) implements QueryOptions {

    /** No parameters besides {@code watch=true}. */
    public static final WatchOptions DEFAULT = new WatchOptions(null, null, null, null, null, null, null);

    /** The annotation a watch-list's final BOOKMARK carries, with value {@code "true"}. */
    public static final String INITIAL_EVENTS_END_ANNOTATION = "k8s.io/initial-events-end";

    /** Rejects a negative timeout. */
    public WatchOptions {
        if (timeoutSeconds != null && timeoutSeconds < 0) {
            throw new IllegalArgumentException("timeoutSeconds must not be negative, was " + timeoutSeconds);
        }
    }

    /** Watch-list options: the initial state as ADDED events, ended by an initial-events-end BOOKMARK. */
    public static WatchOptions watchList() {
        return new WatchOptions(null, null, "", ResourceVersionMatch.NOT_OLDER_THAN, null, true, true);
    }

    /** A copy with {@code labelSelector}. */
    public WatchOptions withLabelSelector(String labelSelector) {
        return new WatchOptions(labelSelector, fieldSelector, resourceVersion, resourceVersionMatch, timeoutSeconds, allowWatchBookmarks, sendInitialEvents);
    }

    /** A copy with {@code fieldSelector}. */
    public WatchOptions withFieldSelector(String fieldSelector) {
        return new WatchOptions(labelSelector, fieldSelector, resourceVersion, resourceVersionMatch, timeoutSeconds, allowWatchBookmarks, sendInitialEvents);
    }

    /** A copy that starts after {@code resourceVersion}. */
    public WatchOptions withResourceVersion(String resourceVersion) {
        return new WatchOptions(labelSelector, fieldSelector, resourceVersion, resourceVersionMatch, timeoutSeconds, allowWatchBookmarks, sendInitialEvents);
    }

    /** A copy with {@code resourceVersionMatch}. */
    public WatchOptions withResourceVersionMatch(ResourceVersionMatch match) {
        return new WatchOptions(labelSelector, fieldSelector, resourceVersion, match, timeoutSeconds, allowWatchBookmarks, sendInitialEvents);
    }

    /** A copy with a server-side {@code timeoutSeconds}. */
    public WatchOptions withTimeoutSeconds(int timeoutSeconds) {
        return new WatchOptions(labelSelector, fieldSelector, resourceVersion, resourceVersionMatch, timeoutSeconds, allowWatchBookmarks, sendInitialEvents);
    }

    /** A copy that asks for (or not) BOOKMARK events. */
    public WatchOptions withAllowWatchBookmarks(boolean allow) {
        return new WatchOptions(labelSelector, fieldSelector, resourceVersion, resourceVersionMatch, timeoutSeconds, allow, sendInitialEvents);
    }

    /** A copy that asks for (or not) the initial state as events. */
    public WatchOptions withSendInitialEvents(boolean send) {
        return new WatchOptions(labelSelector, fieldSelector, resourceVersion, resourceVersionMatch, timeoutSeconds, allowWatchBookmarks, send);
    }

    @Override
    public Map<String, String> toQueryParameters() {
        Map<String, String> q = new LinkedHashMap<>();
        ListOptions.putIfSet(q, "labelSelector", labelSelector);
        ListOptions.putIfSet(q, "fieldSelector", fieldSelector);
        // An explicit "" resourceVersion matters for watch-list ("from the current state"), so keep it.
        if (resourceVersion != null) {
            q.put("resourceVersion", resourceVersion);
        }
        ListOptions.putIfSet(q, "resourceVersionMatch", resourceVersionMatch == null ? null : resourceVersionMatch.value());
        ListOptions.putIfSet(q, "timeoutSeconds", timeoutSeconds);
        ListOptions.putIfSet(q, "allowWatchBookmarks", allowWatchBookmarks);
        ListOptions.putIfSet(q, "sendInitialEvents", sendInitialEvents);
        return q;
    }
}
