package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kreactor.core.api.Status;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import java.util.Locale;

/**
 * The state machine of a WATCH stream: a sequence of {@code {"type":..,"object":..}} values separated by
 * whitespace (the API server writes one per line, {@code \n}; {@code \r\n} and blank lines are accepted).
 *
 * <p>The envelope is read once: {@code type} is decoded as a string and only the {@code object} value is
 * kept, then bound directly as {@code T} — or as {@link Status} for an {@code ERROR} event — when the
 * envelope closes, so the fields may come in either order. The size cap applies to the whole envelope.
 *
 * @param <T> the object type
 */
final class WatchBodyScanner<T> extends JsonBodyScanner<WatchEvent<T>> {

    private static final String BODY = "watch stream";

    private enum Keeping { TYPE, OBJECT }

    private final ObjectReader objectReader;
    private final ObjectReader statusReader;

    private String field;
    private Keeping keeping;
    private String type;
    private PendingValue<WatchEvent<T>> object;
    private long eventStart;

    WatchBodyScanner(JsonFactory factory, int maxObjectSizeBytes, ObjectReader objectReader,
                     ObjectReader statusReader) {
        super(factory, maxObjectSizeBytes, BODY);
        this.objectReader = objectReader;
        this.statusReader = statusReader;
    }

    @Override
    Action onValueStart(JsonValueKind kind, long start) {
        if (depth() == 0) {
            if (kind != JsonValueKind.OBJECT) {
                throw unexpected(kind, start, "a watch event object");
            }
            eventStart = start;
            beginUnit(start, "watch event");
            field = null;
            type = null;
            object = null;
            return Action.DESCEND;
        }
        if ("type".equals(field)) {
            if (kind != JsonValueKind.STRING) {
                throw unexpected(kind, start, "a string for the watch event 'type'");
            }
            keeping = Keeping.TYPE;
            return Action.KEEP;
        }
        if ("object".equals(field)) {
            keeping = Keeping.OBJECT;
            return Action.KEEP;
        }
        return Action.SKIP;
    }

    @Override
    void onFieldName(String name) {
        field = name;
    }

    @Override
    void onValue(ValueSpan span, long end) {
        if (keeping == Keeping.TYPE) {
            type = string(span);
        } else {
            object = pending(span, objectReader, null, "watch event object");
        }
    }

    @Override
    void onContainerEnd(JsonValueKind kind, long end) {
        endUnit(end);
        emit(pendingEvent());
    }

    @Override
    void onChunkEnd() {
        if (object != null) {
            // the envelope is still open: its object must outlive this chunk's scratch bytes
            object = detach(object);
        }
    }

    private PendingValue<WatchEvent<T>> pendingEvent() {
        if (type == null) {
            throw incomplete("the watch event at byte " + eventStart + " has no 'type'");
        }
        WatchEventType eventType;
        try {
            eventType = WatchEventType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw incomplete("the watch event at byte " + eventStart + " has the unknown type '"
                    + Excerpts.shorten(type) + "'");
        }
        if (object == null) {
            throw incomplete("the " + eventType + " watch event at byte " + eventStart + " has no 'object'");
        }
        PendingValue<WatchEvent<T>> value = object;
        object = null;
        if (eventType == WatchEventType.ERROR) {
            return value.rebind(statusReader, status -> WatchEvent.error((Status) status),
                    "ERROR watch event's status", eventStart);
        }
        return value.rebind(objectReader, decoded -> event(eventType, decoded), eventType + " watch event's object",
                eventStart);
    }

    private static <T> WatchEvent<T> event(WatchEventType type, Object value) {
        @SuppressWarnings("unchecked")
        T object = (T) value;
        return WatchEvent.of(type, object);
    }

    @Override
    void onEndOfBody() {
        // a watch may end after any whole number of events, including none
    }
}
