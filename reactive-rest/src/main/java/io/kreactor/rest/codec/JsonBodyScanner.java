package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.kreactor.core.errors.TransportException;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Feeds a response body, chunk by chunk, to Jackson's non-blocking parser and turns its tokens into
 * {@link PendingValue}s. Subclasses hold the state machine of one body shape (LIST, WATCH, single value);
 * this class owns the parser, byte offsets, the size cap, token capture and error messages.
 *
 * <p>Each chunk's bytes are copied into a reusable scratch array and parsed completely before
 * {@link #feed} returns, so no reference to the caller's buffer survives the call. Not thread-safe: one
 * instance serves one subscription, and the Reactive Streams rules serialize {@code onNext}/{@code onComplete}.
 *
 * <p>Units and captures: a <em>unit</em> is what {@code maxObjectSizeBytes} limits (a list item, the list
 * metadata, a whole watch event, a whole value); a <em>capture</em> copies one value's tokens into a
 * {@link TokenBuffer} for later binding. Tokens inside a capture take the hot path: one copy, no location
 * lookups.
 *
 * @param <R> the element type emitted downstream
 */
abstract class JsonBodyScanner<R> {

    private static final byte[] EMPTY = new byte[0];

    private final JsonParser parser;
    private final ByteArrayFeeder feeder;
    private final int maxUnitBytes;
    private final String bodyName;

    private byte[] scratch = EMPTY;
    private int scratchLength;
    private long chunkStart;
    private long fed;

    private Consumer<? super PendingValue<R>> sink;

    private long unitStart = -1;
    private String unitName;
    private long lastTokenEnd;

    private TokenBuffer capture;
    private int captureDepth;
    private long captureStart;

    /**
     * @param factory      the mapper's factory, which creates the non-blocking parser
     * @param maxUnitBytes the size cap for one unit
     * @param bodyName     names the body in error messages ("list response body")
     */
    JsonBodyScanner(JsonFactory factory, int maxUnitBytes, String bodyName) {
        try {
            this.parser = factory.createNonBlockingByteArrayParser();
        } catch (IOException e) {
            throw new IllegalStateException("Jackson cannot create a non-blocking parser", e);
        }
        this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
        this.maxUnitBytes = maxUnitBytes;
        this.bodyName = bodyName;
    }

    /**
     * Parses the readable bytes of {@code chunk} (without changing its indexes or reference count) and hands
     * every value completed by them to {@code out}.
     *
     * @throws TransportException on malformed JSON, an oversized unit or a value the body shape forbids
     */
    final void feed(ByteBuf chunk, Consumer<? super PendingValue<R>> out) {
        int length = chunk.readableBytes();
        if (length == 0) {
            return;
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, Math.min(scratch.length * 2, Integer.MAX_VALUE - 8))];
        }
        chunk.getBytes(chunk.readerIndex(), scratch, 0, length);
        scratchLength = length;
        chunkStart = fed;
        fed += length;
        sink = out;
        try {
            feedScratch(length);
            parseAvailable();
            long start = unitStart >= 0 ? unitStart : lastTokenEnd;
            if (fed - start > maxUnitBytes) {
                throw tooLarge(start);
            }
        } finally {
            sink = null;
        }
    }

    /**
     * Signals the end of the body: parses what the parser still held back (a trailing number) and checks
     * that the body ended between values.
     *
     * @throws TransportException when the body ended inside a value or the body shape is incomplete
     */
    final void finish(Consumer<? super PendingValue<R>> out) {
        sink = out;
        scratchLength = 0;
        try {
            feeder.endOfInput();
            try {
                parseAvailable();
            } catch (TransportException e) {
                // the end is the only input added: whatever fails now (a cut literal such as "tru", an open
                // string or object) failed because the body stopped inside it
                throw e.getCause() instanceof JsonProcessingException ? truncated(e.getCause()) : e;
            }
            if (unitStart >= 0 || capture != null) {
                throw truncated(null);
            }
            onEndOfBody();
        } finally {
            sink = null;
            closeQuietly();
        }
    }

    /** Releases the parser's buffers; call only from the thread that parses (onNext/onComplete). */
    final void closeQuietly() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // nothing to recover: the parser only returns its buffers to Jackson's pool
        }
    }

    private void feedScratch(int length) {
        try {
            feeder.feedInput(scratch, 0, length);
        } catch (IOException e) {
            // only thrown when earlier input was not consumed, which parseAvailable always does
            throw new IllegalStateException("the parser still holds unread input", e);
        }
    }

    private void parseAvailable() {
        try {
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
                if (capture != null) {
                    capture.copyCurrentEvent(parser);
                    if (token.isStructStart()) {
                        captureDepth++;
                    } else if (token.isStructEnd() && --captureDepth == 0) {
                        completeCapture();
                    }
                } else {
                    onToken(token);
                }
            }
        } catch (JsonEOFException e) {
            throw truncated(e);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new TransportException("Cannot read the " + bodyName + ": " + e, e);
        }
    }

    /** Handles a token outside any capture: the body shape's state machine. */
    abstract void onToken(JsonToken token) throws IOException;

    /** Called when a capture started by {@link #startCapture} is complete. */
    abstract void onCaptured(TokenBuffer tokens, long start) throws IOException;

    /** Checks, at the end of the body, that the body shape is complete (e.g. a LIST had its object). */
    abstract void onEndOfBody();

    /** The parser, for reading the current token's text or name. */
    final JsonParser parser() {
        return parser;
    }

    /** Hands a finished value downstream. */
    final void emit(PendingValue<R> value) {
        sink.accept(value);
    }

    /** The byte offset just after the current token. */
    final long tokenEnd() {
        return parser.currentLocation().getByteOffset();
    }

    /**
     * The byte offset where the current token starts: exact for the start of an object or array (its
     * one-byte bracket was just consumed), and for other tokens the end of the previous token seen outside a
     * capture (so it may include the separator before a scalar).
     */
    final long tokenStart(JsonToken token) {
        return token.isStructStart() ? tokenEnd() - 1 : lastTokenEnd;
    }

    /** Remembers where the current envelope token ends, so a huge token between units is still capped. */
    final void markTokenEnd() {
        lastTokenEnd = tokenEnd();
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
        lastTokenEnd = end;
    }

    /** True while a unit is open. */
    final boolean inUnit() {
        return unitStart >= 0;
    }

    /**
     * Starts copying the value that begins with the current {@code token}; a scalar completes at once,
     * an object or array when its closing token arrives ({@link #onCaptured}).
     */
    final void startCapture(JsonToken token) throws IOException {
        long start = tokenStart(token);
        capture = new TokenBuffer(parser);
        capture.copyCurrentEvent(parser);
        captureDepth = token.isStructStart() ? 1 : 0;
        if (captureDepth == 0) {
            TokenBuffer tokens = capture;
            capture = null;
            onCaptured(tokens, start);
        } else {
            captureStart = start;
        }
    }

    private void completeCapture() throws IOException {
        TokenBuffer tokens = capture;
        capture = null;
        onCaptured(tokens, captureStart);
    }

    /** An error for a token the body shape does not allow here. */
    final TransportException unexpected(JsonToken token, String expected) {
        long at = tokenEnd();
        return new TransportException("Malformed " + bodyName + " at byte " + at + ": expected " + expected
                + " but found " + describe(token) + excerptAt(at));
    }

    /** An error for a body shape left incomplete at the end of the body. */
    final TransportException incomplete(String problem) {
        return new TransportException("Malformed " + bodyName + " (" + fed + " bytes): " + problem);
    }

    private TransportException malformed(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        long at = location != null && location.getByteOffset() >= 0 ? location.getByteOffset() : fed;
        return new TransportException("Malformed JSON in the " + bodyName + " at byte " + at + ": "
                + Excerpts.shorten(e.getOriginalMessage()) + excerptAt(at), e);
    }

    private TransportException truncated(Throwable cause) {
        String where = unitStart >= 0 ? " inside the " + unitName + " that started at byte " + unitStart
                : " inside a JSON value";
        return new TransportException("The " + bodyName + " ended at byte " + fed + where
                + " (truncated response)", cause);
    }

    private TransportException tooLarge(long start) {
        String name = unitStart >= 0 ? unitName : "value";
        return new TransportException("The " + name + " starting at byte " + start + " of the " + bodyName
                + " exceeds the maximum object size of " + maxUnitBytes + " bytes");
    }

    private String excerptAt(long at) {
        String excerpt = Excerpts.around(scratch, 0, scratchLength, (int) Math.max(-1, Math.min(Integer.MAX_VALUE,
                at - chunkStart)));
        return excerpt.isEmpty() ? "" : " near '" + excerpt + "'";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.asString() != null ? "'" + token.asString() + "'" : token.name();
        };
    }
}
