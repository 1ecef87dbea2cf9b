package io.kreactor.testing.server.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An RFC 6901 JSON pointer parsed into its unescaped reference tokens ({@code ~1} is {@code /}, {@code ~0} is
 * {@code ~}). The empty pointer {@code ""} addresses the whole document.
 *
 * @param text   the pointer as written in the patch, for messages
 * @param tokens the unescaped reference tokens, outermost first
 */
record JsonPointer(String text, List<String> tokens) {

    JsonPointer {
        tokens = List.copyOf(tokens);
    }

    /** Parses a pointer; {@code what} names where it came from (for example {@code "operation 2 path"}). */
    static JsonPointer parse(String text, String what) {
        if (text.isEmpty()) {
            return new JsonPointer(text, Collections.emptyList());
        }
        if (text.charAt(0) != '/') {
            throw new MalformedPatchException(what + " '" + text + "' is not a JSON pointer: it must be empty or start with '/'");
        }
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '/') {
                tokens.add(token.toString());
                token.setLength(0);
            } else if (c == '~') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (next == '0') {
                    token.append('~');
                } else if (next == '1') {
                    token.append('/');
                } else {
                    throw new MalformedPatchException(what + " '" + text + "' has an invalid escape at position " + i
                            + ": '~' must be followed by '0' or '1'");
                }
                i++;
            } else {
                token.append(c);
            }
        }
        tokens.add(token.toString());
        return new JsonPointer(text, tokens);
    }

    boolean isRoot() {
        return tokens.isEmpty();
    }

    /** The pointer to the container of the addressed value. Not defined for the root. */
    List<String> parentTokens() {
        return tokens.subList(0, tokens.size() - 1);
    }

    String lastToken() {
        return tokens.get(tokens.size() - 1);
    }

    /** Whether this pointer is {@code other} or lies inside the value {@code other} addresses. */
    boolean isWithin(JsonPointer other) {
        return tokens.size() >= other.tokens.size() && tokens.subList(0, other.tokens.size()).equals(other.tokens);
    }

    @Override
    public String toString() {
        return text;
    }
}
