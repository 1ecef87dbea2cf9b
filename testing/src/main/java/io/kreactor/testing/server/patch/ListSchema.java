package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The merge behaviour of one list field: its {@link ListType} and, for a {@link ListType#MAP} list, its key
 * fields ({@code x-kubernetes-list-map-keys}). A strategic merge patch merges by the first key (the
 * {@code patchMergeKey}); server-side apply identifies items by all of them, using {@code keyDefaults} for
 * key fields an item leaves out (a container port's {@code protocol} defaults to {@code TCP}).
 *
 * @param type        how the list merges
 * @param keys        the key fields of a map list, the strategic merge key first; empty otherwise
 * @param keyDefaults defaults of key fields that may be omitted
 */
public record ListSchema(ListType type, List<String> keys, Map<String, JsonNode> keyDefaults) {

    /** A list that is replaced whole. */
    public static final ListSchema ATOMIC = new ListSchema(ListType.ATOMIC, List.of(), Map.of());

    /** A list of scalars merged as a set. */
    public static final ListSchema SET = new ListSchema(ListType.SET, List.of(), Map.of());

    /** Validates that map lists name at least one key and that other lists name none. */
    public ListSchema {
        Objects.requireNonNull(type, "type");
        keys = List.copyOf(keys);
        keyDefaults = Map.copyOf(keyDefaults);
        if ((type == ListType.MAP) == keys.isEmpty()) {
            throw new IllegalArgumentException("a " + type + " list must " + (type == ListType.MAP ? "" : "not ") + "have keys: " + keys);
        }
    }

    /** A map list keyed by the given fields, none of which has a default. */
    public static ListSchema map(String... keys) {
        return new ListSchema(ListType.MAP, List.of(keys), Map.of());
    }

    /** The key strategic merge patch merges by. */
    public String mergeKey() {
        return keys.get(0);
    }
}
