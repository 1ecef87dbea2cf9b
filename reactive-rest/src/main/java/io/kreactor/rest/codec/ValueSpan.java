package io.kreactor.rest.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Finds where one JSON value ends in a body that arrives in chunks, without tokenizing it: it follows only
 * string quotes (with their escapes) and bracket nesting, which is all that is needed to know where an object,
 * array or string ends. A scalar (number, {@code true}, {@code false}, {@code null}) ends at the first byte
 * that cannot belong to it. The value's content is checked by Jackson when it is bound, not here; only the
 * bracket that closes the whole value is checked against the one that opened it.
 *
 * <p>This is the decoder's hot loop: for a LIST or WATCH body nearly every byte passes through
 * {@link #scan} once, and the loop inside a string only compares each byte with {@code "} and {@code \}.
 *
 * <p>A value that is <em>kept</em> is available as bytes when it ends: a slice of the caller's chunk array
 * when it began and ended in the same chunk (no copy), otherwise the span's carry array that collected the parts
 * ({@link #array()}, {@link #offset()}, {@link #length()}, {@link #isCarried()}). The carry array is reused by the
 * next value that crosses chunks, so such a value must be copied out before the next one begins. Not thread-safe;
 * reused for value after value.
 */
final class ValueSpan {

    private static final int MIN_CARRY = 4096;
    /** A carry array grown past this (by a large value) is dropped at the next value rather than kept. */
    private static final int MAX_KEPT_CARRY = 64 * 1024;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

    private JsonValueKind kind;
    private long start;
    private boolean keep;

    private int nesting;
    private boolean inString;
    private boolean escaped;
    private byte open;
    private boolean mismatched;

    /** Where the kept bytes begin in the current chunk: the value's first byte, or 0 after a chunk boundary. */
    private int segmentFrom;
    private byte[] carry;
    private int carryLength;
    private boolean carried;

    private byte[] array;
    private int offset;
    private int length;

    /**
     * Starts a value whose first byte, {@code chunk[index]}, has already been classified as {@code kind}.
     *
     * @param start the value's byte offset in the body, for error messages
     * @param keep  whether the value's bytes are wanted when it ends (false: skip it)
     */
    void begin(JsonValueKind kind, long start, boolean keep, byte[] chunk, int index) {
        this.kind = kind;
        this.start = start;
        this.keep = keep;
        this.open = chunk[index];
        this.nesting = kind.isContainer() ? 1 : 0;
        this.inString = kind == JsonValueKind.STRING;
        this.escaped = false;
        this.mismatched = false;
        this.segmentFrom = index;
        if (carry != null && carry.length > MAX_KEPT_CARRY) {
            carry = null;
        }
        this.carryLength = 0;
        this.carried = false;
        this.array = null;
    }

    /**
     * Scans {@code chunk[from, to)} for the end of the value.
     *
     * @return the index just past the value's last byte, or -1 when the chunk ended first (the kept part was
     *         saved and the next chunk continues at its index 0)
     */
    int scan(byte[] chunk, int from, int to) {
        int end = kind.isContainer() || kind == JsonValueKind.STRING ? scanNested(chunk, from, to) : scanScalar(chunk, from, to);
        if (end < 0) {
            if (keep) {
                append(chunk, segmentFrom, to);
            }
            segmentFrom = 0;
            return -1;
        }
        complete(chunk, end);
        return end;
    }

    /**
     * Ends a scalar at the end of the body (nothing after it can extend it).
     *
     * @return false when the value is not a scalar, so the body was cut inside it
     */
    boolean endAtEndOfBody() {
        if (kind.isContainer() || kind == JsonValueKind.STRING) {
            return false;
        }
        if (keep) {
            array = carry;
            offset = 0;
            length = carryLength;
            carried = true;
        }
        return true;
    }

    private int scanNested(byte[] b, int from, int to) {
        int i = from;
        if (escaped) {
            if (i >= to) {
                return -1;
            }
            i++;
            escaped = false;
        }
        for (;;) {
            if (inString) {
                for (;;) {
                    i = skipPlainStringBytes(b, i, to);
                    if (i >= to) {
                        return -1;
                    }
                    byte c = b[i++];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        if (i >= to) {
                            escaped = true;
                            return -1;
                        }
                        i++;
                    }
                }
                inString = false;
                if (nesting == 0) {
                    return i;
                }
            }
            for (;;) {
                if (i >= to) {
                    return -1;
                }
                byte c = b[i++];
                if (c == '"') {
                    inString = true;
                    break;
                }
                if (c == '{' || c == '[') {
                    nesting++;
                } else if ((c == '}' || c == ']') && --nesting == 0) {
                    mismatched = c - open != 2;
                    return i;
                }
            }
        }
    }

    /**
     * The index of the first {@code "} or {@code \} at or after {@code i}, or of the last bytes that are
     * too few for a whole word: eight bytes are tested at a time (SWAR), because most of a Kubernetes object's
     * bytes are inside strings and this is the loop that runs over them.
     */
    private static int skipPlainStringBytes(byte[] b, int i, int to) {
        while (i <= to - Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long quotes = word ^ QUOTES;
            long backslashes = word ^ BACKSLASHES;
            // a byte of the xor is zero where the word has that character; the lowest flagged byte is exact
            long found = ((quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += Long.BYTES;
        }
        return i;
    }

    private static int scanScalar(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (endsScalar(b[i])) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code b} cannot be part of a number or literal: whitespace or JSON punctuation. */
    static boolean endsScalar(byte b) {
        return switch (b) {
            case ' ', '\t', '\n', '\r', ',', ':', '}', ']', '{', '[', '"' -> true;
            default -> false;
        };
    }

    private void complete(byte[] chunk, int end) {
        if (!keep) {
            return;
        }
        if (!carried) {
            array = chunk;
            offset = segmentFrom;
            length = end - segmentFrom;
        } else {
            append(chunk, 0, end);
            array = carry;
            offset = 0;
            length = carryLength;
        }
    }

    private void append(byte[] chunk, int from, int to) {
        int n = to - from;
        if (carry == null) {
            carry = new byte[Math.max(MIN_CARRY, n * 2)];
        } else if (carryLength + n > carry.length) {
            carry = Arrays.copyOf(carry, Math.max(carryLength + n, carry.length * 2));
        }
        System.arraycopy(chunk, from, carry, carryLength, n);
        carryLength += n;
        carried = true;
    }

    /**
     * Forgets the carry array, for when no value is in progress at the end of a chunk: an idle watch then holds
     * none (a thousand watches would otherwise keep a few KiB each), while a LIST, whose chunks nearly always end
     * inside an item, keeps reusing it.
     */
    void dropCarry() {
        carry = null;
    }

    /** Whether a kept value's bytes are in the reused carry array (it crossed chunks) rather than a chunk's. */
    boolean isCarried() {
        return carried;
    }

    /** The kind of the current value. */
    JsonValueKind kind() {
        return kind;
    }

    /** The byte offset in the body where the value starts. */
    long start() {
        return start;
    }

    /** True when a container was closed by the wrong bracket ({@code {..]}); only meaningful once it ended. */
    boolean mismatched() {
        return mismatched;
    }

    /** The array holding a kept value's bytes once it ended; may be the chunk array passed to {@link #scan}. */
    byte[] array() {
        return array;
    }

    /** Where the value's bytes begin in {@link #array()}. */
    int offset() {
        return offset;
    }

    /** How many bytes the value has. */
    int length() {
        return length;
    }
}
