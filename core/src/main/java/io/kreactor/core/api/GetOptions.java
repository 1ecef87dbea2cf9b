package io.kreactor.core.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query parameters of a GET of one object ({@code metav1.GetOptions}). Immutable.
 *
 * @param resourceVersion {@code resourceVersion}: null or absent asks for the most recent object (a quorum
 *                        read from etcd); {@code "0"} lets the server answer from its watch cache, which may be
 *                        stale; any other value asks for data at least as new as that version
 */
public record GetOptions(String resourceVersion) implements QueryOptions {

    /** No parameters: the most recent state of the object. */
    public static final GetOptions DEFAULT = new GetOptions(null);

    /** A copy with {@code resourceVersion} (null removes it). */
    public GetOptions withResourceVersion(String resourceVersion) {
        return new GetOptions(resourceVersion);
    }

    @Override
    public Map<String, String> toQueryParameters() {
        Map<String, String> q = new LinkedHashMap<>();
        ListOptions.putIfSet(q, "resourceVersion", resourceVersion);
        return q;
    }
}
