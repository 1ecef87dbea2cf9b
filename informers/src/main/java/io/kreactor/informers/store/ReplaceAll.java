package io.kreactor.informers.store;

import java.util.List;
import java.util.Objects;

/**
 * A relist: the complete state of the collection at {@code resourceVersion}, one {@link DeltaType#REPLACED}
 * delta per object. Applied with {@link Indexer#replace}, it swaps the cache to exactly these objects in one
 * step — readers see the old state or the new one, never a mix.
 *
 * @param deltas          one REPLACED delta per object (unmodifiable)
 * @param resourceVersion the list's resourceVersion
 * @param <T>             the object type
 */
public record ReplaceAll<T>(List<Delta<T>> deltas, String resourceVersion) implements FifoItem<T> {

    /** Copies {@code deltas} and checks that each is a REPLACED delta. */
    public ReplaceAll {
        deltas = List.copyOf(deltas);
        Objects.requireNonNull(resourceVersion, "resourceVersion");
        for (Delta<T> d : deltas) {
            if (d.type() != DeltaType.REPLACED) {
                throw new IllegalArgumentException("a ReplaceAll holds only REPLACED deltas, found " + d.type());
            }
        }
    }

    /** The objects of the relist, in order. */
    public List<T> objects() {
        return deltas.stream().map(Delta::object).toList();
    }

    @Override
    public String toString() {
        return "ReplaceAll[" + deltas.size() + " objects, resourceVersion=" + resourceVersion + "]";
    }
}
