package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kreactor.core.api.ListMeta;
import io.kreactor.rest.ListElement;

/**
 * The state machine of a LIST body, {@code {"kind":..,"apiVersion":..,"metadata":{..},"items":[..]}}:
 * keeps {@code metadata} and every element of {@code items}, skips every other field, and accepts the
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
    private boolean keepingItem;

    ListBodyScanner(JsonFactory factory, int maxObjectSizeBytes, ObjectReader itemReader, ObjectReader metaReader) {
        super(factory, maxObjectSizeBytes, BODY);
        this.itemReader = itemReader;
        this.metaReader = metaReader;
    }

    @Override
    Action onValueStart(JsonValueKind kind, long start) {
        return switch (state) {
            case BEFORE_LIST -> {
                if (kind != JsonValueKind.OBJECT) {
                    throw unexpected(kind, start, "a JSON object");
                }
                state = State.IN_LIST;
                yield Action.DESCEND;
            }
            case IN_LIST -> fieldValue(kind, start);
            case IN_ITEMS -> {
                beginUnit(start, "list item");
                keepingItem = true;
                yield Action.KEEP;
            }
            case AFTER_LIST -> throw unexpected(kind, start, "the end of the body after the list object");
        };
    }

    private Action fieldValue(JsonValueKind kind, long start) {
        if ("items".equals(field)) {
            if (kind == JsonValueKind.ARRAY) {
                state = State.IN_ITEMS;
                return Action.DESCEND;
            }
            if (kind != JsonValueKind.NULL) {
                throw unexpected(kind, start, "an array or null for 'items'");
            }
        } else if ("metadata".equals(field)) {
            if (kind == JsonValueKind.OBJECT) {
                beginUnit(start, "list metadata");
                keepingItem = false;
                return Action.KEEP;
            }
            if (kind != JsonValueKind.NULL) {
                throw unexpected(kind, start, "an object or null for 'metadata'");
            }
        }
        return Action.SKIP;
    }

    @Override
    void onFieldName(String name) {
        field = name;
    }

    @Override
    void onValue(ValueSpan span, long end) {
        endUnit(end);
        if (keepingItem) {
            emit(pending(span, itemReader, ListBodyScanner::item, "list item"));
        } else {
            emit(pending(span, metaReader, ListBodyScanner::metadata, "list metadata"));
        }
    }

    @Override
    void onContainerEnd(JsonValueKind kind, long end) {
        state = state == State.IN_ITEMS ? State.IN_LIST : State.AFTER_LIST;
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
