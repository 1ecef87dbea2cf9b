package io.kreactor.rest.codec;

import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * A byte array that delimited values are sliced from while binding tasks read them, reused once the last of
 * them is bound. With parallel binding a body's bytes would otherwise be copied into fresh arrays (a chunk's
 * values, or a value that crossed chunks) that all become garbage: as much allocation as the body is long, a
 * fifth of what an informer's sync allocates, and young collections that copy the growing cache come that
 * much more often.
 *
 * <p>Reference counted: the creator holds one reference, every value sliced from the array one more, and the
 * array goes back to a small JVM-wide pool when the count reaches zero. A reference that is never released (a
 * value dropped on cancel, a failed stream) only means the array is left to the garbage collector; the pool then
 * makes a new one. Releasing too early is what must never happen, so each holder releases exactly once, after its
 * last read. Arrays of {@link #SIZE} bytes are pooled (a chunk of an HTTP/1.1 body is at most 8 KiB) and serve
 * chunks from {@link #MIN_POOLED} bytes up; a smaller chunk or a larger request gets an exact array of its own that
 * is never pooled. Lock-free, so it may be used on event loops.
 */
final class ChunkArray {

    /** The size of pooled arrays. */
    static final int SIZE = 16 * 1024;
    /**
     * A request for fewer bytes gets an exact array of its own, never pooled: a small chunk (one event of a quiet
     * watch) would otherwise take a whole pooled array, and a thousand watches receiving at once would each take
     * one.
     */
    static final int MIN_POOLED = SIZE / 4;
    /** At most this many free arrays are kept for the JVM (1 MiB). */
    static final int POOL_LIMIT = 64;

    /** Last in, first out: the array used most recently is the likeliest to be in a CPU cache still. */
    private static final Deque<ChunkArray> POOL = new ConcurrentLinkedDeque<>();
    private static final AtomicInteger POOLED = new AtomicInteger();
    private static final AtomicInteger CREATED = new AtomicInteger();

    @SuppressWarnings("unused") // through REFERENCES
    private volatile int references;
    private static final AtomicIntegerFieldUpdater<ChunkArray> REFERENCES =
            AtomicIntegerFieldUpdater.newUpdater(ChunkArray.class, "references");

    private final byte[] bytes;

    private ChunkArray(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An array for a chunk of {@code length} bytes, with one reference held by the caller. */
    static ChunkArray acquire(int length) {
        return acquire(length, MIN_POOLED);
    }

    /**
     * An array for a value of {@code length} bytes that crossed chunks, with one reference held by the caller;
     * pooled from any size up, since such a value comes from a body that fills chunks, whose arrays come back to
     * the pool as fast as they are taken.
     */
    static ChunkArray acquireForValue(int length) {
        return acquire(length, 0);
    }

    private static ChunkArray acquire(int length, int minPooled) {
        ChunkArray array;
        if (length < minPooled) {
            array = new ChunkArray(new byte[length]);
        } else if (length <= SIZE) {
            array = POOL.pollFirst();
            if (array != null) {
                POOLED.decrementAndGet();
            } else {
                array = new ChunkArray(new byte[SIZE]);
                CREATED.incrementAndGet();
            }
        } else {
            array = new ChunkArray(new byte[length]);
        }
        REFERENCES.set(array, 1);
        return array;
    }

    /** The array; valid for reading and writing while the caller holds a reference. */
    byte[] bytes() {
        return bytes;
    }

    /** Adds a reference, for a value sliced from the array; the caller must hold one already. */
    void retain() {
        REFERENCES.incrementAndGet(this);
    }

    /** Drops one reference; the last one returns the array to the pool (if it is pool-sized and there is room). */
    void release() {
        if (REFERENCES.decrementAndGet(this) != 0 || bytes.length != SIZE) {
            return;
        }
        if (POOLED.incrementAndGet() <= POOL_LIMIT) {
            POOL.offerFirst(this);
        } else {
            POOLED.decrementAndGet();
        }
    }

    /** References held now (for tests). */
    int references() {
        return references;
    }

    /** Pool-sized arrays made so far, because the pool was empty (for tests). */
    static int created() {
        return CREATED.get();
    }

    /** Free arrays in the pool now (for tests). */
    static int pooled() {
        return POOLED.get();
    }
}
