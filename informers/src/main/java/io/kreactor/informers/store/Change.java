package io.kreactor.informers.store;

import java.util.Objects;

/**
 * What applying a delta did to the cache: an object was added, updated or deleted.
 *
 * @param type              {@link DeltaType#ADDED}, {@link DeltaType#UPDATED}, {@link DeltaType#DELETED} or
 *                          {@link DeltaType#SYNC}
 * @param oldObject         the cached object before the change, null for ADDED (and for a DELETED of an
 *                          object that was not cached)
 * @param newObject         the object after the change; for DELETED its final state
 * @param finalStateUnknown for DELETED: true when the deletion was inferred from a relist, so
 *                          {@code newObject} is the last state the cache knew (a tombstone, client-go's
 *                          {@code DeletedFinalStateUnknown}), not the state the server deleted
 * @param <T>               the object type
 */
public record Change<T>(DeltaType type, T oldObject, T newObject, boolean finalStateUnknown) {

    /** Rejects a null type or new object. */
    public Change {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(newObject, "newObject");
    }

    /** An ADDED change. */
    public static <T> Change<T> added(T object) {
        return new Change<>(DeltaType.ADDED, null, object, false);
    }

    /** An UPDATED change. */
    public static <T> Change<T> updated(T oldObject, T newObject) {
        return new Change<>(DeltaType.UPDATED, oldObject, newObject, false);
    }

    /** A DELETED change with the server's final state. */
    public static <T> Change<T> deleted(T cached, T finalState) {
        return new Change<>(DeltaType.DELETED, cached, finalState, false);
    }

    /** A DELETED change inferred from a relist; {@code lastKnown} is the tombstone. */
    public static <T> Change<T> tombstone(T lastKnown) {
        return new Change<>(DeltaType.DELETED, lastKnown, lastKnown, true);
    }

    @Override
    public String toString() {
        return "Change[" + type + (finalStateUnknown ? " (final state unknown)" : "") + "]";
    }
}
