package io.kreactor.rest;

import io.kreactor.core.api.ListMeta;

/**
 * One element of a streamed LIST response: either the list's {@link Metadata} or one {@link Item}.
 *
 * @param <T> the item type
 */
public sealed interface ListElement<T> permits ListElement.Metadata, ListElement.Item {

    /**
     * The list's {@code metadata}: its resourceVersion and {@code continue} token.
     *
     * @param meta the decoded list metadata
     * @param <T>  the item type
     */
    record Metadata<T>(ListMeta meta) implements ListElement<T> {
    }

    /**
     * One element of the list's {@code items}.
     *
     * @param item the decoded item
     * @param <T>  the item type
     */
    record Item<T>(T item) implements ListElement<T> {
    }
}
