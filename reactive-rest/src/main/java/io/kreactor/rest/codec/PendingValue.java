package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kreactor.core.errors.TransportException;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Function;
import reactor.core.Exceptions;

/**
 * One complete JSON value that has been delimited but not yet bound: its bytes, the reader that binds them and
 * how to wrap the result. Binding is deferred until the subscriber asks for the value, so cancelling skips the
 * databind work, and the bytes are parsed by Jackson's fastest parser, the one over a byte array.
 *
 * <p>The bytes may be a slice of the scanner's scratch array, or of a {@link ChunkArray} this value holds a
 * reference to until {@link #bind()} is done with it; see {@link JsonBodyScanner} for why either stays valid until
 * this value is bound.
 *
 * @param <R> what the bound value is wrapped into
 */
final class PendingValue<R> {

    private final byte[] bytes;
    private final int offset;
    private final int length;
    private final long start;
    private final ObjectReader reader;
    private final Function<Object, R> wrap;
    private final String what;
    private final String bodyName;
    /** The pooled array the bytes are in, or null; released once, after binding. */
    private final ChunkArray chunk;

    /** Set by {@link #bind()} (the value, or the failure), read by the draining thread once {@link #isBound()}. */
    private R bound;
    private Throwable failure;
    private volatile boolean isBound;

    /**
     * @param bytes    holds the value's bytes at {@code [offset, offset + length)}
     * @param start    the byte offset where the value starts in the body, for error messages
     * @param reader   the reader for the target type
     * @param wrap     turns the bound (non-null) value into the element to emit
     * @param what     names the value in error messages ("list item", "watch event object")
     * @param bodyName names the body in error messages ("list response body")
     * @param chunk    the pooled array holding {@code bytes}, whose reference passes to this value; or null
     */
    PendingValue(byte[] bytes, int offset, int length, long start, ObjectReader reader, Function<Object, R> wrap,
                 String what, String bodyName, ChunkArray chunk) {
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
        this.start = start;
        this.reader = reader;
        this.wrap = wrap;
        this.what = what;
        this.bodyName = bodyName;
        this.chunk = chunk;
    }

    /** The array holding the bytes (identity matters: the scanner checks whether it is its scratch array). */
    byte[] bytes() {
        return bytes;
    }

    /** Whether the bytes are in a pooled {@link ChunkArray} (and so outlive the scanner's chunk). */
    boolean isPooled() {
        return chunk != null;
    }

    /** The same value with its bytes copied into an array of its own (for a value whose bytes are not pooled). */
    PendingValue<R> copy() {
        return new PendingValue<>(Arrays.copyOfRange(bytes, offset, offset + length), 0, length, start, reader, wrap,
                what, bodyName, null);
    }

    /**
     * The same bytes, to be bound with {@code reader}, wrapped by {@code wrap}, and named in error messages as
     * {@code what} at byte {@code start}. The pooled array's reference passes to the new value: this one must not
     * be bound.
     */
    PendingValue<R> rebind(ObjectReader reader, Function<Object, R> wrap, String what, long start) {
        return new PendingValue<>(bytes, offset, length, start, reader, wrap, what, bodyName, chunk);
    }

    /**
     * Binds the bytes. A JSON {@code null} is rejected because none of the values this decoder emits (list
     * items, watch objects, response bodies) may be null.
     *
     * @throws TransportException when the bytes are not valid JSON or do not bind to the target type
     */
    R decode() {
        Object value;
        try {
            value = reader.readValue(bytes, offset, length);
        } catch (StreamReadException e) {
            throw malformed(e);
        } catch (JacksonException e) {
            throw new TransportException("Cannot decode the " + what + " at byte " + start + " as "
                    + reader.getValueType() + ": " + Excerpts.shorten(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new TransportException("Cannot decode the " + what + " at byte " + start + ": " + e, e);
        }
        if (value == null) {
            throw new TransportException("The " + what + " at byte " + start + " is null");
        }
        return wrap.apply(value);
    }

    /**
     * Binds the bytes now, on the calling thread, and keeps the element or the failure for {@link #take()}: how a
     * decoder that binds on worker threads ahead of demand ({@link JsonStreamDecoder#withParallelBinding}) uses it.
     */
    void bind() {
        try {
            bound = decode();
        } catch (Throwable e) {
            // every failure is kept, the ones Reactor calls JVM-fatal too (a LinkageError from a generated accessor,
            // an ExceptionInInitializerError): rethrown, it would end the binding task with this value never marked
            // bound, and the stream would wait for it forever
            failure = e;
        }
        if (chunk != null) {
            // the bytes are not read again: decode() and its error messages are done with them
            chunk.release();
        }
        // the volatile write publishes bound/failure to the thread that sees isBound() return true
        isBound = true;
    }

    /** Records {@code e} as the outcome instead of binding, for a value no task will ever bind. */
    void fail(Throwable e) {
        failure = e;
        isBound = true;
    }

    /** Whether {@link #bind()} (or {@link #fail}) has finished. */
    boolean isBound() {
        return isBound;
    }

    /**
     * The element {@link #bind()} produced; call only once {@link #isBound()} is true.
     *
     * @throws RuntimeException the failure {@link #bind()} met, as {@link #decode()} would have thrown it (or an
     *                          {@link Error}, unchanged)
     */
    R take() {
        Throwable e = failure;
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw Exceptions.propagate(e);
        }
        return bound;
    }

    private TransportException malformed(StreamReadException e) {
        JsonLocation location = e.getLocation();
        long within = location != null && location.getByteOffset() >= 0 ? location.getByteOffset() : 0;
        String excerpt = Excerpts.around(bytes, offset, length, (int) Math.min(within, length));
        return new TransportException("Malformed JSON in the " + bodyName + " at byte " + (start + within) + ": "
                + Excerpts.shorten(e.getOriginalMessage()) + (excerpt.isEmpty() ? "" : " near '" + excerpt + "'"), e);
    }
}
