package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;

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
    void onToken(JsonToken token) throws IOException {
        if (seen) {
            throw unexpected(token, "the end of the body after the JSON value");
        }
        seen = true;
        beginUnit(tokenStart(token), "JSON value");
        startCapture(token);
    }

    @Override
    void onCaptured(TokenBuffer tokens, long start) {
        endUnit(tokenEnd());
        emit(new PendingValue<>(tokens, reader, ValueBodyScanner::cast, "response body value", start));
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
