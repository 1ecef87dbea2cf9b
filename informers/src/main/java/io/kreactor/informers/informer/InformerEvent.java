package io.kreactor.informers.informer;

import java.util.Objects;

/**
 * What a {@link SharedIndexInformer} subscriber is told, in the spirit of client-go's
 * {@code ResourceEventHandler} ({@code OnAdd}, {@code OnUpdate}, {@code OnDelete}).
 *
 * @param <T> the object type
 */
public sealed interface InformerEvent<T> {

    /** The object this event is about: the added, the new or the deleted (final) state. */
    T object();

    /**
     * An object is in the cache that this subscriber had not been told about: it was created, or it was
     * already cached when the subscriber subscribed.
     *
     * @param object the object
     * @param <T>    the object type
     */
    record Added<T>(T object) implements InformerEvent<T> {
        /** Rejects null. */
        public Added {
            Objects.requireNonNull(object, "object");
        }
    }

    /**
     * A cached object changed; on a periodic resync {@code oldObject == newObject}.
     *
     * @param oldObject the state before
     * @param newObject the state after
     * @param <T>       the object type
     */
    record Updated<T>(T oldObject, T newObject) implements InformerEvent<T> {
        /** Rejects nulls. */
        public Updated {
            Objects.requireNonNull(oldObject, "oldObject");
            Objects.requireNonNull(newObject, "newObject");
        }

        @Override
        public T object() {
            return newObject;
        }

        /** True for a resync: the object did not change. */
        public boolean isResync() {
            return oldObject == newObject;
        }
    }

    /**
     * An object left the cache.
     *
     * @param object            its final state — or, when {@code finalStateUnknown}, the last state the cache
     *                          knew (a tombstone: the deletion happened while no watch was open and was only
     *                          noticed by a relist; client-go's {@code DeletedFinalStateUnknown})
     * @param finalStateUnknown whether {@code object} is a tombstone
     * @param <T>               the object type
     */
    record Deleted<T>(T object, boolean finalStateUnknown) implements InformerEvent<T> {
        /** Rejects null. */
        public Deleted {
            Objects.requireNonNull(object, "object");
        }
    }
}
