package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.kreactor.core.api.ListMeta;
import io.kreactor.rest.ListElement;
import java.io.IOException;

/**
 * The state machine of a LIST body, {@code {"kind":..,"apiVersion":..,"metadata":{..},"items":[..]}}:
 * captures {@code metadata} and every element of {@code items}, skips every other field, and accepts the
 * fields in any order (the API server writes metadata first; a proxy or a test server may not).
 * {@code "items": null} is an empty list, as Go's encoder writes a nil slice.
 *
 * @param <T> the item type
 */
final class ListBodyScanner<T> extends JsonBodyScanner<ListElement<T>> {

    private static final String BODY = "list response body";

    private enum State { BEFORE_LIST, IN_LIST, IN_ITEMS, AFTER_LIST }

    private final ObjectReader itemReader;
    private final ObjectReader metaReader;

    private State state = State.BEFORE_LIST;
    private String field;
    private int skipDepth;
    private boolean capturingItem;

    ListBodyScanner(JsonFactory factory, int maxObjectSizeBytes, ObjectReader itemReader, ObjectReader metaReader) {
        super(factory, maxObjectSizeBytes, BODY);
        this.itemReader = itemReader;
        this.metaReader = metaReader;
    }

    @Override
    void onToken(JsonToken token) throws IOException {
        if (skipDepth > 0) {
            skip(token);
            markTokenEnd();
            return;
        }
        switch (state) {
            case BEFORE_LIST -> {
                if (token != JsonToken.START_OBJECT) {
                    throw unexpected(token, "a JSON object");
                }
                state = State.IN_LIST;
            }
            case IN_LIST -> inList(token);
            case IN_ITEMS -> {
                if (token == JsonToken.END_ARRAY) {
                    state = State.IN_LIST;
                } else {
                    beginUnit(tokenStart(token), "list item");
                    capturingItem = true;
                    startCapture(token);
                    return;
                }
            }
            case AFTER_LIST -> throw unexpected(token, "the end of the body after the list object");
            default -> throw new IllegalStateException(state.name());
        }
        markTokenEnd();
    }

    private void inList(JsonToken token) throws IOException {
        if (token == JsonToken.FIELD_NAME) {
            field = parser().currentName();
        } else if (token == JsonToken.END_OBJECT) {
            state = State.AFTER_LIST;
        } else if ("items".equals(field) && token == JsonToken.START_ARRAY) {
            state = State.IN_ITEMS;
        } else if ("items".equals(field) && token != JsonToken.VALUE_NULL) {
            throw unexpected(token, "an array or null for 'items'");
        } else if ("metadata".equals(field) && token == JsonToken.START_OBJECT) {
            beginUnit(tokenStart(token), "list metadata");
            capturingItem = false;
            startCapture(token);
            return;
        } else if ("metadata".equals(field) && token != JsonToken.VALUE_NULL) {
            throw unexpected(token, "an object or null for 'metadata'");
        } else {
            skip(token);
        }
        markTokenEnd();
    }

    private void skip(JsonToken token) {
        if (token.isStructStart()) {
            skipDepth++;
        } else if (token.isStructEnd()) {
            skipDepth--;
        }
    }

    @Override
    void onCaptured(TokenBuffer tokens, long start) {
        endUnit(tokenEnd());
        if (capturingItem) {
            emit(new PendingValue<>(tokens, itemReader, ListBodyScanner::item, "list item", start));
        } else {
            emit(new PendingValue<>(tokens, metaReader, ListBodyScanner::metadata, "list metadata", start));
        }
    }

    @Override
    void onEndOfBody() {
        if (state == State.BEFORE_LIST) {
            throw incomplete("the body is empty, expected a list object");
        }
    }

    private static <T> ListElement<T> item(Object value) {
        @SuppressWarnings("unchecked")
        T item = (T) value;
        return new ListElement.Item<>(item);
    }

    private static <T> ListElement<T> metadata(Object value) {
        return new ListElement.Metadata<>((ListMeta) value);
    }
}
