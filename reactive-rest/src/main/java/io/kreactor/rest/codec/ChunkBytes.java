package io.kreactor.rest.codec;

import com.fasterxml.jackson.databind.ObjectReader;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Where a {@link JsonBodyScanner} keeps the bytes of the chunk it scans, and how a value delimited in them is
 * handed on so that its bytes stay valid until it is bound.
 *
 * <p>By default the chunk is copied into one scratch array, reused for every chunk: a value inside the chunk is a
 * slice of it, which is sound because the decoder asks for the next chunk only after every value of this one was
 * emitted ({@link DecodingFlux}); a value held across chunks must be {@linkplain #detach detached}. With
 * {@linkplain #poolChunkArrays() pooled chunk arrays} (parallel binding, where values are bound after later chunks
 * were scanned) each chunk gets a {@link ChunkArray}, and every value sliced from it holds a reference until it is
 * bound. A value that crossed chunks lies in the span's reused carry array and is copied out when it ends: into a
 * pooled array of its own, or an exact-size one. Not thread-safe; one per scanner.
 */
final class ChunkBytes {

    private static final byte[] EMPTY = new byte[0];

    private byte[] array = EMPTY;
    private int length;
    private boolean pooled;
    /** With pooled chunk arrays: the current chunk's array ({@link #array} is its bytes) until {@link #endChunk}. */
    private ChunkArray chunkArray;

    /** Switches to pooled chunk arrays; call before the first chunk. */
    void poolChunkArrays() {
        pooled = true;
    }

    /**
     * Copies the {@code length} readable bytes of {@code chunk} (its indexes and reference count unchanged) and
     * returns the array holding them from index 0, valid until {@link #endChunk()}.
     */
    byte[] load(ByteBuf chunk, int length) {
        if (pooled) {
            chunkArray = ChunkArray.acquire(length);
            array = chunkArray.bytes();
        } else if (array.length < length) {
            array = new byte[Math.max(length, Math.min(array.length * 2, Integer.MAX_VALUE - 8))];
        }
        chunk.getBytes(chunk.readerIndex(), array, 0, length);
        this.length = length;
        return array;
    }

    /** Done with the current chunk: a pooled array is released (values sliced from it hold their own references). */
    void endChunk() {
        if (pooled && chunkArray != null) {
            ChunkArray done = chunkArray;
            chunkArray = null;
            // nothing of it may be read again, not even for an error message's excerpt
            array = EMPTY;
            length = 0;
            done.release();
        }
    }

    /** The current chunk's bytes (empty between chunks with pooled arrays), for error excerpts. */
    byte[] array() {
        return array;
    }

    /** How many bytes of {@link #array()} belong to the current chunk. */
    int length() {
        return length;
    }

    /**
     * A pending value of {@code span}'s bytes, bound with {@code reader}, wrapped by {@code wrap} and named in
     * error messages as {@code what} in {@code bodyName}.
     */
    <R> PendingValue<R> pending(ValueSpan span, ObjectReader reader, Function<Object, R> wrap, String what,
                                String bodyName) {
        byte[] bytes = span.array();
        int offset = span.offset();
        int size = span.length();
        ChunkArray holder = null;
        if (span.isCarried()) {
            // the carry array is reused for the next value that crosses chunks: copy this one out
            if (pooled) {
                holder = ChunkArray.acquireForValue(size);
                System.arraycopy(bytes, offset, holder.bytes(), 0, size);
                bytes = holder.bytes();
            } else {
                bytes = Arrays.copyOfRange(bytes, offset, offset + size);
            }
            offset = 0;
        } else if (pooled && bytes == array) {
            holder = chunkArray;
            holder.retain();
        }
        return new PendingValue<>(bytes, offset, size, span.start(), reader, wrap, what, bodyName, holder);
    }

    /**
     * {@code value} itself, or a copy when its bytes are in the reused scratch array that the next chunk
     * overwrites (a value in a pooled chunk array keeps that array for as long as it needs it).
     */
    <R> PendingValue<R> detach(PendingValue<R> value) {
        return value.bytes() == array && !value.isPooled() ? value.copy() : value;
    }
}
