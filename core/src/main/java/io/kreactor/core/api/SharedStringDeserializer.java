package io.kreactor.core.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.io.IOException;

/**
 * Binds JSON strings through a small, lossy table of recently decoded values, so that a string that repeats
 * across objects — a namespace, a label value, an image, {@code "Running"}, {@code "True"}, a node name — is
 * one {@link String} instance shared by every object that holds it, instead of a copy per object. Caches of
 * many similar objects (an informer's) shrink by about a fifth; installed by
 * {@link KubernetesJson#sharedStringsModule()}.
 *
 * <p>The table has a fixed number of slots, in buckets of two; a string is looked up by its characters straight
 * from the parser's buffer (no {@code String} is made on a hit), and a miss takes the first place of its bucket,
 * moving the string there to the second and dropping the one that held it, so memory stays constant and strings
 * that never repeat (UIDs, resourceVersions) only pass through without evicting, on their own, a string that
 * repeats. Each slot's hash is kept
 * in a parallel array so a miss costs no visit to the cached string. Strings are immutable, so slots are read
 * and written without locks: a racing thread at worst misses (or reads a hash that belongs to another string,
 * which the character comparison catches) and makes its own copy.
 * Anything other than a plain string token (numbers coerced to text, nulls, arrays) is left to Jackson's
 * {@link StringDeserializer}.
 */
final class SharedStringDeserializer extends StringDeserializer {

    private static final long serialVersionUID = 1L;

    /** Strings longer than this rarely repeat, and hashing them costs more than copying them. */
    static final int MAX_SHARED_LENGTH = 128;
    private static final int SLOTS = 1 << 13;

    private static final String[] TABLE = new String[SLOTS];
    private static final int[] HASHES = new int[SLOTS];

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return super.deserialize(p, ctxt);
        }
        int length = p.getTextLength();
        if (length > MAX_SHARED_LENGTH) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        return shared(chars, offset, length);
    }

    /** The table's instance of {@code chars[offset, offset + length)}, made and remembered if absent. */
    static String shared(char[] chars, int offset, int length) {
        int hash = length;
        for (int i = offset; i < offset + length; i++) {
            hash = 31 * hash + chars[i];
        }
        int first = (hash ^ (hash >>> 15)) & (SLOTS - 2);
        int second = first + 1;
        String cached = lookUp(first, hash, chars, offset, length);
        if (cached == null) {
            cached = lookUp(second, hash, chars, offset, length);
        }
        if (cached != null) {
            return cached;
        }
        String fresh = new String(chars, offset, length);
        // The newcomer takes the first place and pushes the string there to the second: a string stays until two
        // more of its bucket arrive, so one unique string (a UID) decoded in between cannot evict a repeated one.
        TABLE[second] = TABLE[first];
        HASHES[second] = HASHES[first];
        TABLE[first] = fresh;
        HASHES[first] = hash;
        return fresh;
    }

    private static String lookUp(int slot, int hash, char[] chars, int offset, int length) {
        if (HASHES[slot] != hash) {
            return null;
        }
        String cached = TABLE[slot];
        return cached != null && matches(cached, chars, offset, length) ? cached : null;
    }

    private static boolean matches(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
