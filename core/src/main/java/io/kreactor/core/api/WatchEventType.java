package io.kreactor.core.api;

/**
 * The {@code type} of a watch event, as the API server sends it on a {@code ?watch=true} stream.
 */
public enum WatchEventType {
    /** An object was created, or is part of the initial state of a watch-list. */
    ADDED,
    /** An object changed. */
    MODIFIED,
    /** An object was deleted; the event carries its last state. */
    DELETED,
    /**
     * A progress notification: only the object's {@code metadata.resourceVersion} is meaningful
     * (and, for watch-list, the {@code k8s.io/initial-events-end} annotation).
     */
    BOOKMARK,
    /** The server reports a failure; the event carries a {@link Status} (410 means "relist"). */
    ERROR
}
