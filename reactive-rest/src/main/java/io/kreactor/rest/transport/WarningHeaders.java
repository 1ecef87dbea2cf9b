package io.kreactor.rest.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses RFC 7234 {@code Warning} header values as the API server sends them ({@code 299 - "text"}), several per
 * value separated by commas, like client-go's {@code ParseWarningHeader}. Malformed entries are skipped.
 */
final class WarningHeaders {

    /** One parsed warning. */
    record Warning(int code, String agent, String text) {
    }

    private WarningHeaders() {
    }

    static List<Warning> parse(String header) {
        List<Warning> warnings = new ArrayList<>();
        Cursor c = new Cursor(header);
        while (true) {
            c.skip(' ', ',');
            if (c.atEnd()) {
                return warnings;
            }
            Warning w = parseOne(c);
            if (w != null) {
                warnings.add(w);
            } else {
                c.skipPastComma();
            }
        }
    }

    private static Warning parseOne(Cursor c) {
        String code = c.token();
        if (code.length() != 3 || !code.chars().allMatch(Character::isDigit)) {
            return null;
        }
        c.skip(' ');
        String agent = c.token();
        if (agent.isEmpty()) {
            return null;
        }
        c.skip(' ');
        String text = c.quoted();
        if (text == null) {
            return null;
        }
        c.skip(' ');
        // An optional quoted warn-date follows the text; it carries nothing the handler needs.
        if (c.peek() == '"') {
            c.quoted();
        }
        return new Warning(Integer.parseInt(code), agent, text);
    }

    private static final class Cursor {
        private final String s;
        private int i;

        Cursor(String s) {
            this.s = s == null ? "" : s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? 0 : s.charAt(i);
        }

        void skip(char... chars) {
            outer:
            while (!atEnd()) {
                for (char ch : chars) {
                    if (s.charAt(i) == ch) {
                        i++;
                        continue outer;
                    }
                }
                return;
            }
        }

        void skipPastComma() {
            while (!atEnd() && s.charAt(i) != ',') {
                if (s.charAt(i) == '"') {
                    quoted();
                } else {
                    i++;
                }
            }
        }

        String token() {
            int start = i;
            while (!atEnd() && s.charAt(i) != ' ' && s.charAt(i) != ',' && s.charAt(i) != '"') {
                i++;
            }
            return s.substring(start, i);
        }

        /** A quoted-string with backslash escapes, or null when none starts here or it is unterminated. */
        String quoted() {
            if (peek() != '"') {
                return null;
            }
            i++;
            StringBuilder sb = new StringBuilder();
            while (!atEnd()) {
                char ch = s.charAt(i++);
                if (ch == '\\' && !atEnd()) {
                    sb.append(s.charAt(i++));
                } else if (ch == '"') {
                    return sb.toString();
                } else {
                    sb.append(ch);
                }
            }
            return null;
        }
    }
}
