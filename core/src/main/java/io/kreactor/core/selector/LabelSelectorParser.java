package io.kreactor.core.selector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A recursive-descent parser for the label selector grammar of {@code apimachinery/pkg/labels}:
 *
 * <pre>
 * selector    ::= requirement | requirement "," selector
 * requirement ::= ["!"] KEY [ ("in" | "notin") "(" values ")" | ("=" | "==" | "!=") VALUE ]
 * values      ::= VALUE | VALUE "," values
 * </pre>
 *
 * As in Kubernetes, {@code in}/{@code notin} are keywords only where an operator is expected, an exact match
 * with nothing after the operator means the empty value, and {@code ()}, {@code (a,)} or {@code (,a)} include
 * the empty value. Whitespace separates tokens. {@code >} and {@code <} (numeric comparisons, used only by
 * node affinity) are recognised as tokens so that they are reported by name, but are not supported.
 */
final class LabelSelectorParser {

    private enum Kind { IDENTIFIER, IN, NOT_IN, NOT, EQUALS, DOUBLE_EQUALS, NOT_EQUALS, OPEN, CLOSE, COMMA, UNSUPPORTED, END }

    private record Token(Kind kind, String text, int position) {
        String describe() {
            return kind == Kind.END ? "end of string" : "'" + text + "'";
        }
    }

    private static final String SPECIAL = "=!(),<>";
    private static final String[] SYMBOLS = {"!=", "==", "=", "!", "(", ")", ",", ">", "<"};

    private final String input;
    private final List<Token> tokens;
    private int next;

    LabelSelectorParser(String input) {
        this.input = input;
        this.tokens = lex(input);
    }

    List<Requirement> parse() {
        List<Requirement> requirements = new ArrayList<>();
        if (peek().kind == Kind.END) {
            return requirements;
        }
        while (true) {
            requirements.add(requirement());
            Token t = consume();
            if (t.kind == Kind.END) {
                return requirements;
            }
            if (t.kind != Kind.COMMA) {
                throw error(t, "',' or end of string");
            }
            Token after = peek();
            if (after.kind != Kind.NOT && !isValueToken(after)) {
                throw error(after, "'!' or a key after ','");
            }
        }
    }

    private Requirement requirement() {
        Token t = consume();
        boolean negated = t.kind == Kind.NOT;
        if (negated) {
            t = consume();
        }
        if (!isValueToken(t)) {
            throw error(t, negated ? "a key after '!'" : "'!' or a key");
        }
        String key = t.text;
        Kind following = peek().kind;
        if (negated || following == Kind.END || following == Kind.COMMA) {
            return wrap(t, () -> Requirement.of(key, negated ? Operator.DOES_NOT_EXIST : Operator.EXISTS));
        }
        Token op = consume();
        Operator operator = switch (op.kind) {
            case EQUALS -> Operator.EQUALS;
            case DOUBLE_EQUALS -> Operator.DOUBLE_EQUALS;
            case NOT_EQUALS -> Operator.NOT_EQUALS;
            case IN -> Operator.IN;
            case NOT_IN -> Operator.NOT_IN;
            default -> throw error(op, "one of '=', '==', '!=', 'in', 'notin'");
        };
        List<String> values = operator.isSetBased() ? valueSet() : List.of(exactValue());
        return wrap(t, () -> new Requirement(key, operator, values));
    }

    private String exactValue() {
        Token t = peek();
        if (t.kind == Kind.END || t.kind == Kind.COMMA) {
            return "";
        }
        consume();
        if (!isValueToken(t)) {
            throw error(t, "a value");
        }
        return t.text;
    }

    private List<String> valueSet() {
        Token open = consume();
        if (open.kind != Kind.OPEN) {
            throw error(open, "'('");
        }
        Set<String> values = new LinkedHashSet<>();
        boolean expectValue = true;
        while (true) {
            Token t = consume();
            if (t.kind == Kind.CLOSE) {
                if (expectValue) {
                    values.add(""); // "()" and "(a,)" include the empty value
                }
                return List.copyOf(values);
            } else if (t.kind == Kind.COMMA) {
                if (expectValue) {
                    values.add(""); // "(,a)" and "(a,,b)" include the empty value
                }
                expectValue = true;
            } else if (isValueToken(t) && expectValue) {
                values.add(t.text);
                expectValue = false;
            } else {
                throw error(t, expectValue ? "a value, ',' or ')'" : "',' or ')'");
            }
        }
    }

    /** Keywords are plain identifiers wherever a key or value is expected, as in Kubernetes' parser. */
    private static boolean isValueToken(Token t) {
        return t.kind == Kind.IDENTIFIER || t.kind == Kind.IN || t.kind == Kind.NOT_IN;
    }

    private Requirement wrap(Token at, java.util.function.Supplier<Requirement> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid label selector '" + input + "' at position " + at.position
                    + ": " + e.getMessage(), e);
        }
    }

    private IllegalArgumentException error(Token found, String expected) {
        String unsupported = found.kind == Kind.UNSUPPORTED ? " (numeric comparisons are not supported)" : "";
        return new IllegalArgumentException("invalid label selector '" + input + "' at position " + found.position
                + ": found " + found.describe() + ", expected " + expected + unsupported);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token consume() {
        Token t = tokens.get(next);
        if (t.kind != Kind.END) {
            next++;
        }
        return t;
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (isWhitespace(c)) {
                i++;
            } else if (SPECIAL.indexOf(c) >= 0) {
                String symbol = symbolAt(s, i);
                out.add(new Token(kindOf(symbol), symbol, i));
                i += symbol.length();
            } else {
                int start = i;
                while (i < s.length() && !isWhitespace(s.charAt(i)) && SPECIAL.indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String word = s.substring(start, i);
                Kind kind = switch (word) {
                    case "in" -> Kind.IN;
                    case "notin" -> Kind.NOT_IN;
                    default -> Kind.IDENTIFIER;
                };
                out.add(new Token(kind, word, start));
            }
        }
        out.add(new Token(Kind.END, "", s.length()));
        return out;
    }

    private static String symbolAt(String s, int i) {
        for (String symbol : SYMBOLS) {
            if (s.startsWith(symbol, i)) {
                return symbol;
            }
        }
        throw new IllegalStateException("unreachable: '" + s.charAt(i) + "' is special but no symbol starts with it");
    }

    private static Kind kindOf(String symbol) {
        return switch (symbol) {
            case "!=" -> Kind.NOT_EQUALS;
            case "==" -> Kind.DOUBLE_EQUALS;
            case "=" -> Kind.EQUALS;
            case "!" -> Kind.NOT;
            case "(" -> Kind.OPEN;
            case ")" -> Kind.CLOSE;
            case "," -> Kind.COMMA;
            default -> Kind.UNSUPPORTED;
        };
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
