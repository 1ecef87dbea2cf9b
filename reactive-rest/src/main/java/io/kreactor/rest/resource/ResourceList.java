package io.kreactor.rest.resource;

import io.kreactor.core.api.ListMeta;
import java.util.List;

/**
 * One page of a LIST: the list {@code metadata} (resourceVersion, {@code continue} token) and the items, the
 * shape of every {@code *List} kind ({@code PodList}, …) without committing to a model class.
 *
 * @param metadata the list metadata; its {@link ListMeta#hasMore()} says whether another page follows
 * @param items    the objects of this page, unmodifiable
 * @param <T>      the object type
 */
public record ResourceList<T>(ListMeta metadata, List<T> items) {

    /** Copies the items; a missing metadata becomes an empty one. */
    public ResourceList {
        metadata = metadata == null ? new ListMeta(null, null, null) : metadata;
        items = List.copyOf(items);
    }

    /** The list's resourceVersion: start a watch from it to see every later change. */
    public String resourceVersion() {
        return metadata.resourceVersion();
    }

    /** The {@code continue} token of the next page, or null on the last page. */
    public String continueToken() {
        return metadata.hasMore() ? metadata.continueToken() : null;
    }

    /** Shows the size and resourceVersion, not the items. */
    @Override
    public String toString() {
        return "ResourceList[" + items.size() + " items, resourceVersion=" + metadata.resourceVersion()
                + (metadata.hasMore() ? ", more" : "") + "]";
    }
}
