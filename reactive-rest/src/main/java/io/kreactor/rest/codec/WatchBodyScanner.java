package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.kreactor.core.api.Status;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import java.io.IOException;
import java.util.Locale;

/**
 * The state machine of a WATCH stream: a sequence of {@code {"type":..,"object":..}} values separated by
 * whitespace (the API server writes one per line, {@code \n}; {@code \r\n} and blank lines are accepted).
 *
 * <p>The envelope is read once: {@code type} is taken from the token stream while scanning and only the
 * {@code object} value is captured, then bound directly as {@code T} — or as {@link Status} for an
 * {@code ERROR} event — when the envelope closes, so the fields may come in either order. The size cap
 * applies to the whole envelope.
 *
 * @param <T> the object type
 */
final class WatchBodyScanner<T> extends JsonBodyScanner<WatchEvent<T>> {

    private static final String BODY = "watch stream";

    private final ObjectReader objectReader;
    private final ObjectReader statusReader;

    private String field;
    private int skipDepth;
    private String type;
    private TokenBuffer object;
    private long eventStart;

    WatchBodyScanner(JsonFactory factory, int maxObjectSizeBytes, ObjectReader objectReader,
                     ObjectReader statusReader) {
        super(factory, maxObjectSizeBytes, BODY);
        this.objectReader = objectReader;
        this.statusReader = statusReader;
    }

    @Override
    void onToken(JsonToken token) throws IOException {
        if (!inUnit()) {
            if (token != JsonToken.START_OBJECT) {
                throw unexpected(token, "a watch event object");
            }
            eventStart = tokenStart(token);
            beginUnit(eventStart, "watch event");
            field = null;
            type = null;
            object = null;
            return;
        }
        if (skipDepth > 0) {
            if (token.isStructStart()) {
                skipDepth++;
            } else if (token.isStructEnd()) {
                skipDepth--;
            }
        } else if (token == JsonToken.FIELD_NAME) {
            field = parser().currentName();
        } else if (token == JsonToken.END_OBJECT) {
            endUnit(tokenEnd());
            emit(pendingEvent());
        } else if ("type".equals(field)) {
            if (token != JsonToken.VALUE_STRING) {
                throw unexpected(token, "a string for the watch event 'type'");
            }
            type = parser().getText();
        } else if ("object".equals(field)) {
            startCapture(token);
        } else if (token.isStructStart()) {
            skipDepth = 1;
        }
    }

    @Override
    void onCaptured(TokenBuffer tokens, long start) {
        object = tokens;
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
        if (eventType == WatchEventType.ERROR) {
            return new PendingValue<>(object, statusReader, status -> WatchEvent.error((Status) status),
                    "ERROR watch event's status", eventStart);
        }
        return new PendingValue<>(object, objectReader, value -> event(eventType, value),
                eventType + " watch event's object", eventStart);
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
