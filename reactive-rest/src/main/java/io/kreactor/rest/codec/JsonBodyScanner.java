package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kreactor.core.errors.TransportException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a response body, chunk by chunk, down to the values its body shape wants, and hands each of them on
 * as a {@link PendingValue}: the bytes of one complete JSON value, bound later by Jackson's ordinary
 * (blocking, byte-array) parser. Subclasses hold the state machine of one body shape (LIST, WATCH, single
 * value); this class owns the bytes, offsets, the size cap, the grammar of the envelope and error messages.
 *
 * <p><b>Two levels.</b> The <em>envelope</em> — the list object and its {@code items} array, a watch event's
 * {@code {"type":..,"object":..}} — is read token by token here and checked against JSON's grammar. Every
 * value the subclass does not {@linkplain Action#DESCEND descend} into is only delimited by a
 * {@link ValueSpan} (quotes and brackets), then either kept for binding or skipped. So each byte of an item is
 * looked at once to find where the item ends and once more by Jackson when it is bound, instead of being
 * tokenized by a non-blocking parser, copied into a token buffer and read back.
 *
 * <p><b>Bytes and lifetime.</b> Each chunk's readable bytes are copied during {@link #feed} ({@link ChunkBytes}
 * says where, and how a value keeps them until it is bound); no reference to the caller's buffer survives the
 * call. A value that lies wholly inside one chunk is handed on as a slice of the copy, not copied again; a
 * subclass that holds a slice across chunks must {@linkplain #detach detach} it in {@link #onChunkEnd}.
 *
 * <p>Units: a <em>unit</em> is what {@code maxObjectSizeBytes} limits (a list item, the list metadata, a whole
 * watch event, a whole value); it is checked when the unit ends and after every chunk while it is open, and
 * the same limit applies to any single envelope token or skipped value between units.
 *
 * <p>Not thread-safe: one instance serves one subscription, and the Reactive Streams rules serialize
 * {@code onNext}/{@code onComplete}.
 *
 * @param <R> the element type emitted downstream
 */
abstract class JsonBodyScanner<R> {

    /** What the envelope does with a value that starts, decided by the subclass. */
    enum Action {
        /** Read the object or array token by token as part of the envelope. */
        DESCEND,
        /** Delimit the value and hand its bytes to {@link #onValue}. */
        KEEP,
        /** Delimit the value and forget it. */
        SKIP
    }

    /** What the envelope grammar allows next. */
    private enum Expect {
        ROOT("a JSON value"),
        FIELD_OR_END("a field name or '}'"),
        FIELD("a field name"),
        COLON("':'"),
        VALUE("a value"),
        VALUE_OR_END("a value or ']'"),
        COMMA_OR_END("',' or the end of the object or array");

        private final String description;

        Expect(String description) {
            this.description = description;
        }
    }

    private static final int MAX_ENVELOPE_DEPTH = 8;

    private final JsonFactory factory;
    private final int maxUnitBytes;
    private final String bodyName;

    private final ChunkBytes bytes = new ChunkBytes();
    private long chunkStart;
    private long fed;

    private Consumer<? super PendingValue<R>> sink;

    private final byte[] containers = new byte[MAX_ENVELOPE_DEPTH];
    private int depth;
    private Expect expect = Expect.ROOT;

    private final ValueSpan span = new ValueSpan();
    private boolean inSpan;
    private boolean spanIsFieldName;
    private boolean spanKept;

    private long unitStart = -1;
    private String unitName;
    private long lastTokenEnd;

    /**
     * @param factory      the mapper's factory, which decodes escaped field names
     * @param maxUnitBytes the size cap for one unit
     * @param bodyName     names the body in error messages ("list response body")
     */
    JsonBodyScanner(JsonFactory factory, int maxUnitBytes, String bodyName) {
        this.factory = factory;
        this.maxUnitBytes = maxUnitBytes;
        this.bodyName = bodyName;
    }

    /**
     * Scans the readable bytes of {@code chunk} (without changing its indexes or reference count) and hands
     * every value completed by them to {@code out}.
     *
     * @throws TransportException on malformed JSON, an oversized unit or a value the body shape forbids
     */
    final void feed(ByteBuf chunk, Consumer<? super PendingValue<R>> out) {
        int length = chunk.readableBytes();
        if (length == 0) {
            return;
        }
        byte[] copy = bytes.load(chunk, length);
        chunkStart = fed;
        fed += length;
        sink = out;
        try {
            scan(copy, length);
            long start = unitStart >= 0 ? unitStart : lastTokenEnd;
            if (fed - start > maxUnitBytes) {
                throw tooLarge(start);
            }
            onChunkEnd();
            if (!inSpan) {
                span.dropCarry();
            }
        } finally {
            sink = null;
            bytes.endChunk();
        }
    }

    /**
     * Copies each chunk into a pooled {@link ChunkArray} that the values sliced from it keep until they are bound,
     * instead of into one reused scratch array; for a decoder whose values are bound after later chunks were
     * scanned (parallel binding), which would otherwise copy every value out. Call before the first chunk.
     */
    final void poolChunkArrays() {
        bytes.poolChunkArrays();
    }

    /**
     * Signals the end of the body: completes a scalar that only the end could end, and checks that the body
     * ended between values.
     *
     * @throws TransportException when the body ended inside a value or the body shape is incomplete
     */
    final void finish(Consumer<? super PendingValue<R>> out) {
        sink = out;
        try {
            if (inSpan) {
                if (!span.endAtEndOfBody()) {
                    throw truncated();
                }
                endSpan(fed);
            }
            if (depth > 0 || expect != Expect.ROOT || unitStart >= 0) {
                throw truncated();
            }
            onEndOfBody();
        } finally {
            sink = null;
        }
    }

    private void scan(byte[] b, int to) {
        int i = 0;
        for (;;) {
            // a span is scanned on even at the chunk's end, so a span begun on its last byte keeps that byte
            if (inSpan) {
                int end = span.scan(b, i, to);
                if (end < 0) {
                    return;
                }
                if (span.mismatched()) {
                    throw malformed(chunkStart + end - 1, "a closing bracket that does not match the one at byte "
                            + span.start());
                }
                i = end;
                endSpan(chunkStart + end);
                continue;
            }
            if (i >= to) {
                return;
            }
            byte c = b[i];
            switch (c) {
                case ' ', '\t', '\n', '\r' -> i++;
                case ',' -> {
                    if (expect != Expect.COMMA_OR_END) {
                        throw malformed(chunkStart + i, "',' where " + expect.description + " was expected");
                    }
                    expect = containers[depth - 1] == '{' ? Expect.FIELD : Expect.VALUE;
                    i++;
                    markTokenEnd(chunkStart + i);
                }
                case ':' -> {
                    if (expect != Expect.COLON) {
                        throw malformed(chunkStart + i, "':' where " + expect.description + " was expected");
                    }
                    expect = Expect.VALUE;
                    i++;
                    markTokenEnd(chunkStart + i);
                }
                case '}', ']' -> {
                    closeContainer(c, chunkStart + i);
                    i++;
                }
                default -> {
                    if (c == '"' && (expect == Expect.FIELD_OR_END || expect == Expect.FIELD)) {
                        beginSpan(JsonValueKind.STRING, b, i, true, true);
                    } else {
                        startValue(b, i);
                    }
                    // the first byte was consumed; a span started here is scanned on from the next one
                    i++;
                }
            }
        }
    }

    private void startValue(byte[] b, int i) {
        long at = chunkStart + i;
        JsonValueKind kind = JsonValueKind.startingWith(b[i]);
        if (kind == null) {
            throw malformed(at, "unexpected character " + printable(b[i]) + " where " + expect.description
                    + " was expected");
        }
        if (expect != Expect.ROOT && expect != Expect.VALUE && expect != Expect.VALUE_OR_END) {
            throw malformed(at, kind.description() + " where " + expect.description + " was expected");
        }
        Action action = onValueStart(kind, at);
        if (action == Action.DESCEND) {
            if (!kind.isContainer() || depth == MAX_ENVELOPE_DEPTH) {
                throw new IllegalStateException("cannot descend into " + kind.description() + " at depth " + depth);
            }
            containers[depth++] = b[i];
            expect = kind == JsonValueKind.OBJECT ? Expect.FIELD_OR_END : Expect.VALUE_OR_END;
            markTokenEnd(at + 1);
        } else {
            beginSpan(kind, b, i, action == Action.KEEP, false);
        }
    }

    private void beginSpan(JsonValueKind kind, byte[] b, int i, boolean keep, boolean fieldName) {
        span.begin(kind, chunkStart + i, keep, b, i);
        inSpan = true;
        spanKept = keep;
        spanIsFieldName = fieldName;
    }

    private void endSpan(long end) {
        inSpan = false;
        markTokenEnd(end);
        if (spanIsFieldName) {
            onFieldName(string(span));
            expect = Expect.COLON;
            return;
        }
        afterValue();
        if (spanKept) {
            onValue(span, end);
        }
    }

    private void closeContainer(byte c, long at) {
        boolean inObject = depth > 0 && containers[depth - 1] == '{';
        boolean matches = depth > 0 && c - containers[depth - 1] == 2;
        boolean allowed = expect == Expect.COMMA_OR_END || (inObject ? expect == Expect.FIELD_OR_END
                : expect == Expect.VALUE_OR_END);
        if (!matches || !allowed) {
            throw malformed(at, "'" + (char) c + "' where " + expect.description + " was expected");
        }
        depth--;
        afterValue();
        markTokenEnd(at + 1);
        onContainerEnd(inObject ? JsonValueKind.OBJECT : JsonValueKind.ARRAY, at + 1);
    }

    private void afterValue() {
        expect = depth == 0 ? Expect.ROOT : Expect.COMMA_OR_END;
    }

    /**
     * Decides what happens with a value that starts at byte {@code start}: a field's value, an element of a
     * descended array, or a value at the top level ({@link #depth()} tells which).
     *
     * @throws TransportException when the body shape does not allow such a value here
     */
    abstract Action onValueStart(JsonValueKind kind, long start);

    /** The name of the field whose value comes next in a descended object. */
    abstract void onFieldName(String name);

    /**
     * A {@linkplain Action#KEEP kept} value ended at byte {@code end}; its bytes are {@code span}'s
     * ({@link ValueSpan#array()} may be the chunk's copy, valid until the next chunk).
     */
    abstract void onValue(ValueSpan span, long end);

    /** A descended object or array closed; {@code end} is the offset just after its closing bracket. */
    abstract void onContainerEnd(JsonValueKind kind, long end);

    /** Checks, at the end of the body, that the body shape is complete (e.g. a LIST had its object). */
    abstract void onEndOfBody();

    /** Called after each chunk: a subclass holding a slice of the chunk's copy must detach it here. */
    void onChunkEnd() {
    }

    /** How many descended objects and arrays are open: 0 at the top level. */
    final int depth() {
        return depth;
    }

    /** Hands a finished value downstream. */
    final void emit(PendingValue<R> value) {
        sink.accept(value);
    }

    /**
     * A pending value of {@code span}'s bytes, bound with {@code reader} and wrapped by {@code wrap}; {@code what}
     * names it in error messages ("list item").
     */
    final PendingValue<R> pending(ValueSpan span, ObjectReader reader, Function<Object, R> wrap, String what) {
        return bytes.pending(span, reader, wrap, what, bodyName);
    }

    /** {@code value} itself, or a copy when its bytes would not outlive the current chunk ({@link ChunkBytes}). */
    final PendingValue<R> detach(PendingValue<R> value) {
        return bytes.detach(value);
    }

    /** Decodes a kept string value (its bytes include the quotes) to its text. */
    final String string(ValueSpan span) {
        byte[] bytes = span.array();
        int offset = span.offset();
        int length = span.length();
        for (int i = offset + 1; i < offset + length - 1; i++) {
            if (bytes[i] == '\\') {
                return unescape(bytes, offset, length, span.start());
            }
        }
        return new String(bytes, offset + 1, length - 2, StandardCharsets.UTF_8);
    }

    private String unescape(byte[] bytes, int offset, int length, long start) {
        try (JsonParser parser = factory.createParser(bytes, offset, length)) {
            parser.nextToken();
            return parser.getText();
        } catch (IOException e) {
            throw malformed(start, "an invalid escape in the string: " + Excerpts.shorten(e.getMessage()));
        }
    }

    private void markTokenEnd(long end) {
        lastTokenEnd = end;
    }

    /** Starts a size-capped unit at {@code start}, named {@code name} in error messages. */
    final void beginUnit(long start, String name) {
        unitStart = start;
        unitName = name;
    }

    /** Ends the current unit at {@code end}, enforcing the cap. */
    final void endUnit(long end) {
        if (end - unitStart > maxUnitBytes) {
            throw tooLarge(unitStart);
        }
        unitStart = -1;
    }

    /** An error for a value the body shape does not allow here. */
    final TransportException unexpected(JsonValueKind kind, long at, String expected) {
        return new TransportException("Malformed " + bodyName + " at byte " + at + ": expected " + expected
                + " but found " + kind.description() + excerptAt(at));
    }

    /** An error for a body shape left incomplete at the end of the body. */
    final TransportException incomplete(String problem) {
        return new TransportException("Malformed " + bodyName + " (" + fed + " bytes): " + problem);
    }

    private TransportException malformed(long at, String problem) {
        return new TransportException("Malformed JSON in the " + bodyName + " at byte " + at + ": " + problem
                + excerptAt(at));
    }

    private TransportException truncated() {
        String where = unitStart >= 0 ? " inside the " + unitName + " that started at byte " + unitStart
                : " inside a JSON value";
        return new TransportException("The " + bodyName + " ended at byte " + fed + where + " (truncated response)");
    }

    private TransportException tooLarge(long start) {
        String name = unitStart >= 0 ? unitName : "value";
        return new TransportException("The " + name + " starting at byte " + start + " of the " + bodyName
                + " exceeds the maximum object size of " + maxUnitBytes + " bytes");
    }

    private String excerptAt(long at) {
        int within = (int) Math.max(-1, Math.min(Integer.MAX_VALUE, at - chunkStart));
        String excerpt = Excerpts.around(bytes.array(), 0, bytes.length(), within);
        return excerpt.isEmpty() ? "" : " near '" + excerpt + "'";
    }

    private static String printable(byte b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("0x%02x", b & 0xff);
    }

}
