package io.kreactor.rest.codec;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.kreactor.core.errors.TransportException;
import java.io.IOException;
import java.util.function.Function;

/**
 * One complete JSON value that has been read but not yet bound: its tokens, the reader that binds them and
 * how to wrap the result. Binding is deferred until the subscriber asks for the value, so a slow subscriber
 * holds tokens of at most one chunk and cancelling skips the databind work.
 *
 * @param <R> what the bound value is wrapped into
 */
final class PendingValue<R> {

    private final TokenBuffer tokens;
    private final ObjectReader reader;
    private final Function<Object, R> wrap;
    private final String what;
    private final long offset;

    /**
     * @param tokens the value's tokens, complete
     * @param reader the reader for the target type
     * @param wrap   turns the bound (non-null) value into the element to emit
     * @param what   names the value in error messages ("list item", "watch event object")
     * @param offset the byte offset where the value starts in the body, for error messages
     */
    PendingValue(TokenBuffer tokens, ObjectReader reader, Function<Object, R> wrap, String what, long offset) {
        this.tokens = tokens;
        this.reader = reader;
        this.wrap = wrap;
        this.what = what;
        this.offset = offset;
    }

    /**
     * Binds the tokens. A JSON {@code null} is rejected because none of the values this decoder emits
     * (list items, watch objects, response bodies) may be null.
     *
     * @throws TransportException when the tokens do not bind to the target type
     */
    R decode() {
        Object value;
        try (JsonParser parser = tokens.asParser(reader)) {
            value = reader.readValue(parser);
        } catch (JacksonException e) {
            throw new TransportException("Cannot decode the " + what + " at byte " + offset + " as "
                    + reader.getValueType() + ": " + Excerpts.shorten(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new TransportException("Cannot decode the " + what + " at byte " + offset + ": " + e, e);
        }
        if (value == null) {
            throw new TransportException("The " + what + " at byte " + offset + " is null");
        }
        return wrap.apply(value);
    }
}
