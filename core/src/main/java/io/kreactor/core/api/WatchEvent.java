package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;

/**
 * One event of a watch stream.
 *
 * <p>For {@link WatchEventType#ERROR} events {@code object} is {@code null} and {@code status} holds the
 * decoded {@code metav1.Status}; for every other type {@code object} holds the decoded object and
 * {@code status} is {@code null}. A {@code BOOKMARK}'s object only carries {@code metadata.resourceVersion}
 * (and annotations).
 *
 * @param type   the event type
 * @param object the object, {@code null} for ERROR
 * @param status the error status, non-null only for ERROR
 * @param <T>    the object type
 */
public record WatchEvent<T>(WatchEventType type, T object, Status status) {

    /** Checks that exactly the field matching the type is present. */
    public WatchEvent {
        Objects.requireNonNull(type, "type");
        if (type == WatchEventType.ERROR) {
            Objects.requireNonNull(status, "status (required for ERROR events)");
        } else {
            Objects.requireNonNull(object, "object (required for " + type + " events)");
        }
    }

    /** An ADDED, MODIFIED, DELETED or BOOKMARK event for {@code object}. */
    public static <T> WatchEvent<T> of(WatchEventType type, T object) {
        return new WatchEvent<>(type, object, null);
    }

    /** An ERROR event carrying {@code status}. */
    public static <T> WatchEvent<T> error(Status status) {
        return new WatchEvent<>(WatchEventType.ERROR, null, status);
    }

    /** True when this is an ERROR event. */
    @JsonIgnore
    public boolean isError() {
        return type == WatchEventType.ERROR;
    }

    /** Renders the type and, for errors, the status; never the object (it may be large or secret). */
    @Override
    public String toString() {
        return type == WatchEventType.ERROR
                ? "WatchEvent[ERROR, " + status + "]"
                : "WatchEvent[" + type + ", " + object.getClass().getSimpleName() + "]";
    }
}
