package io.kreactor.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * The tokens of one JSON value as a parser reads them, kept in reusable arrays with a content hash computed on
 * the way, so that a value can be recognized as one seen before without building anything from it. Used by
 * {@link SharedTreeDeserializer}; one recording per thread, reused for every value it reads.
 *
 * <p>Field names are kept as the parser's {@code String}s, which Jackson canonicalizes (and interns) by default:
 * a name that repeats is the same instance every time, so recording it allocates nothing and comparing it is
 * usually one reference check. Strings and decimal numbers are kept as their text, integers as their
 * {@link Number}; {@code true}, {@code false} and {@code null} by their token alone.
 */
final class TokenRecording {

    /** Arrays this large or smaller stay with the thread; a larger value's arrays are dropped after use. */
    private static final int RETAINED_CAPACITY = 4096;

    private static final JsonToken[] TOKENS = JsonToken.values();

    private static final ThreadLocal<TokenRecording> PER_THREAD = ThreadLocal.withInitial(TokenRecording::new);

    private int[] tokens = new int[256];
    private Object[] values = new Object[256];
    private int size;
    private int hash;
    private boolean inUse;

    /**
     * An empty recording for this thread, to be handed back with {@link #release()}: the thread's own one, or a
     * fresh one while that is in use — binding a new value may reach another shared property nested inside it
     * before the outer value's recording has been stored.
     */
    static TokenRecording acquire() {
        TokenRecording recording = PER_THREAD.get();
        if (recording.inUse) {
            recording = new TokenRecording();
        }
        recording.inUse = true;
        recording.size = 0;
        recording.hash = 1;
        return recording;
    }

    /**
     * Reads the object or array that starts at {@code p}'s current token up to its matching end token, which
     * becomes the current token (where a deserializer must leave the parser).
     */
    void record(JsonParser p) throws IOException {
        int depth = 0;
        JsonToken token = p.currentToken();
        do {
            switch (token) {
                case START_OBJECT, START_ARRAY -> {
                    depth++;
                    add(token, null);
                }
                case END_OBJECT, END_ARRAY -> {
                    depth--;
                    add(token, null);
                }
                case FIELD_NAME -> add(token, p.currentName());
                case VALUE_STRING -> add(token, p.getText());
                case VALUE_NUMBER_INT -> add(token, p.getNumberValue());
                // as text, so the value is bound from the exact digits (a BigDecimal keeps its scale)
                case VALUE_NUMBER_FLOAT -> add(token, p.getText());
                case VALUE_EMBEDDED_OBJECT -> add(token, p.getEmbeddedObject());
                default -> add(token, null);
            }
            if (depth == 0) {
                return;
            }
            token = p.nextToken();
        } while (token != null);
        throw new JsonEOFException(p, null, "the input ended inside a JSON value");
    }

    private void add(JsonToken token, Object value) {
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        tokens[size] = token.ordinal();
        values[size] = value;
        size++;
        hash = 31 * (31 * hash + token.ordinal()) + (value == null ? 0 : value.hashCode());
    }

    /** The content hash of what was recorded: equal recordings have equal hashes. */
    int hash() {
        return hash;
    }

    /** Whether {@code tree} was recorded from a value with exactly these tokens. */
    boolean matches(RecordedTree tree) {
        if (tree.hash() != hash || tree.tokens().length != size) {
            return false;
        }
        int[] theirTokens = tree.tokens();
        Object[] theirValues = tree.values();
        for (int i = 0; i < size; i++) {
            Object mine = values[i];
            Object theirs = theirValues[i];
            if (theirTokens[i] != tokens[i] || mine != theirs && (mine == null || !mine.equals(theirs))) {
                return false;
            }
        }
        return true;
    }

    /** An immutable copy of the recording, holding {@code value}: what was bound from it. */
    RecordedTree toTree(Object value) {
        return new RecordedTree(hash, Arrays.copyOf(tokens, size), Arrays.copyOf(values, size), value);
    }

    /** A parser over the recorded tokens, on the first of them, for binding the value they describe. */
    JsonParser replay(JsonParser original, DeserializationContext ctxt) throws IOException {
        TokenBuffer buffer = ctxt.bufferForInputBuffering(original);
        for (int i = 0; i < size; i++) {
            write(buffer, TOKENS[tokens[i]], values[i]);
        }
        return buffer.asParserOnFirstToken();
    }

    /** Lets go of the values recorded (and of arrays grown for an unusually large value), for reuse. */
    void release() {
        if (tokens.length > RETAINED_CAPACITY) {
            tokens = new int[256];
            values = new Object[256];
        } else {
            Arrays.fill(values, 0, size, null);
        }
        size = 0;
        inUse = false;
    }

    private static void write(TokenBuffer buffer, JsonToken token, Object value) throws IOException {
        switch (token) {
            case START_OBJECT -> buffer.writeStartObject();
            case END_OBJECT -> buffer.writeEndObject();
            case START_ARRAY -> buffer.writeStartArray();
            case END_ARRAY -> buffer.writeEndArray();
            case FIELD_NAME -> buffer.writeFieldName((String) value);
            case VALUE_STRING -> buffer.writeString((String) value);
            case VALUE_TRUE -> buffer.writeBoolean(true);
            case VALUE_FALSE -> buffer.writeBoolean(false);
            case VALUE_NULL -> buffer.writeNull();
            case VALUE_NUMBER_INT -> writeInteger(buffer, (Number) value);
            case VALUE_NUMBER_FLOAT -> buffer.writeNumber((String) value);
            default -> buffer.writeEmbeddedObject(value);
        }
    }

    private static void writeInteger(TokenBuffer buffer, Number number) throws IOException {
        if (number instanceof Integer i) {
            buffer.writeNumber(i);
        } else if (number instanceof Long l) {
            buffer.writeNumber(l);
        } else {
            buffer.writeNumber((BigInteger) number);
        }
    }
}
