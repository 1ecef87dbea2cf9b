package io.kreactor.informers.store;

/** The kind of a {@link Delta}, as client-go's {@code cache.DeltaType}. */
public enum DeltaType {
    /** The object was created (a watch ADDED event). */
    ADDED,
    /** The object changed (a watch MODIFIED event). */
    UPDATED,
    /** The object was deleted; the delta carries its final state. */
    DELETED,
    /** The object is part of a relist (a {@code Replace}); the cache decides whether it is new or changed. */
    REPLACED,
    /** A periodic resync re-delivers a cached object unchanged. */
    SYNC
}
