package io.kreactor.rest.codec;

import java.nio.charset.StandardCharsets;

/**
 * Short, printable fragments of a response body and of parser messages for error messages. Kept short on
 * purpose: a body can hold a Secret's data, so an error shows only a few bytes around the fault.
 */
final class Excerpts {

    /** Bytes shown on each side of the fault. */
    static final int RADIUS = 16;
    /** Longest parser message quoted. */
    static final int MAX_MESSAGE = 160;

    private Excerpts() {
    }

    /**
     * The bytes around {@code position} in {@code bytes[from, from + length)}, decoded leniently as UTF-8
     * with control characters replaced by {@code ?}; empty when {@code position} is outside the range.
     */
    static String around(byte[] bytes, int from, int length, int position) {
        if (bytes == null || position < 0 || position > length) {
            return "";
        }
        int start = Math.max(0, position - RADIUS);
        int end = Math.min(length, position + RADIUS);
        String text = new String(bytes, from + start, end - start, StandardCharsets.UTF_8);
        StringBuilder printable = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            printable.append(Character.isISOControl(c) ? '?' : c);
        }
        return printable.toString();
    }

    /** {@code message} cut to {@link #MAX_MESSAGE} characters. */
    static String shorten(String message) {
        if (message == null) {
            return "";
        }
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "...";
    }
}
