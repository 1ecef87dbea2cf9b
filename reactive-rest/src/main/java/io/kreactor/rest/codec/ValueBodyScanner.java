package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The state machine of an ordinary response body: exactly one JSON value, optionally surrounded by
 * whitespace; nothing but whitespace may follow it. An empty body yields no value.
 *
 * @param <T> the value type
 */
final class ValueBodyScanner<T> extends JsonBodyScanner<T> {

    private static final String BODY = "response body";

    private final ObjectReader reader;
    private boolean seen;

    ValueBodyScanner(JsonFactory factory, int maxObjectSizeBytes, ObjectReader reader) {
        super(factory, maxObjectSizeBytes, BODY);
        this.reader = reader;
    }

    @Override
    Action onValueStart(JsonValueKind kind, long start) {
        if (seen) {
            throw unexpected(kind, start, "the end of the body after the JSON value");
        }
        seen = true;
        beginUnit(start, "JSON value");
        return Action.KEEP;
    }

    @Override
    void onFieldName(String name) {
        throw new IllegalStateException("a value body never descends into an object");
    }

    @Override
    void onValue(ValueSpan span, long end) {
        endUnit(end);
        emit(pending(span, reader, ValueBodyScanner::cast, "response body value"));
    }

    @Override
    void onContainerEnd(JsonValueKind kind, long end) {
        throw new IllegalStateException("a value body never descends into a container");
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    @Override
    void onEndOfBody() {
        // an empty body is a valid "no value" (Mono.empty); anything partial was reported as truncated
    }
}
