package io.kreactor.core.selector;

import java.util.ArrayList;
import java.util.List;

/** The escaping and splitting rules of {@code apimachinery/pkg/fields}, kept apart from the value type. */
final class FieldSelectorSyntax {

    /** Checked in this order at each position, as Kubernetes does, so {@code !=} and {@code ==} win over {@code =}. */
    private static final String[] OPERATORS = {"!=", "==", "="};

    private FieldSelectorSyntax() {
    }

    static String escape(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == ',' || c == '=') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean inEscape = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inEscape) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new IllegalArgumentException("invalid escape sequence '\\" + c + "' in value '" + s
                            + "': only '\\\\', '\\,' and '\\=' are allowed");
                }
                sb.append(c);
                inEscape = false;
            } else if (c == '\\') {
                inEscape = true;
            } else if (c == ',' || c == '=') {
                throw new IllegalArgumentException("unescaped '" + c + "' in value '" + s + "': write it as '\\" + c + "'");
            } else {
                sb.append(c);
            }
        }
        if (inEscape) {
            throw new IllegalArgumentException("invalid escape sequence '\\' at the end of value '" + s + "'");
        }
        return sb.toString();
    }

    /** Splits at commas that are not escaped; an escaped character is skipped whatever it is. */
    static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        if (selector.isEmpty()) {
            return terms;
        }
        int start = 0;
        boolean inEscape = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (inEscape) {
                inEscape = false;
            } else if (c == '\\') {
                inEscape = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /** Splits one term at its first operator; the field part has no escaping, the value part is unescaped. */
    static FieldSelector.Term parseTerm(String term) {
        for (int i = 0; i < term.length(); i++) {
            for (String op : OPERATORS) {
                if (term.startsWith(op, i)) {
                    FieldSelector.Operator operator = op.equals("!=") ? FieldSelector.Operator.NOT_EQUALS : FieldSelector.Operator.EQUALS;
                    return new FieldSelector.Term(term.substring(0, i), operator, unescape(term.substring(i + op.length())));
                }
            }
        }
        throw new IllegalArgumentException("cannot understand term '" + term + "': expected field=value, field==value or field!=value");
    }
}
