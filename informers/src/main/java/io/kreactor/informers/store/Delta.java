package io.kreactor.informers.store;

import java.util.Objects;

/**
 * One change to one object, in the order the server produced it (client-go's {@code cache.Delta}).
 *
 * @param type   what happened
 * @param object the object after the change; for {@link DeltaType#DELETED} its final state
 * @param <T>    the object type
 */
public record Delta<T>(DeltaType type, T object) implements FifoItem<T> {

    /** Rejects nulls. */
    public Delta {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(object, "object");
    }

    @Override
    public String toString() {
        return "Delta[" + type + ", " + object.getClass().getSimpleName() + "]";
    }
}
