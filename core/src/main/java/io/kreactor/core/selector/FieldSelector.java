package io.kreactor.core.selector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A field selector: equality terms on object fields that must all hold ({@code fields.Selector}), such as
 * {@code metadata.name=web,status.phase!=Running}. Immutable and thread-safe.
 *
 * <p>{@link #toString()} renders the exact {@code fieldSelector} query-parameter value the API server parses,
 * escaping {@code \}, {@code ,} and {@code =} in values with a backslash as {@code fields.EscapeValue} does.
 * Which fields may be selected on is up to each resource on the server ({@code metadata.name} and
 * {@code metadata.namespace} always; {@code status.phase}, {@code spec.nodeName}… for pods); this class does not
 * second-guess that. {@link #matches(Map)} evaluates the selector against a map of field values the way the
 * server does: an absent field has the value {@code ""}.
 */
public final class FieldSelector {

    /** The selector with no terms: matches everything, renders as {@code ""}. */
    public static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    /** How a term compares the field with its value. */
    public enum Operator {
        /** {@code field=value} (also parsed from {@code field==value}). */
        EQUALS("="),
        /** {@code field!=value}. */
        NOT_EQUALS("!=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        /** The rendered operator, {@code =} or {@code !=}. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * One term.
     *
     * @param field    the field path, such as {@code status.phase}
     * @param operator how the field is compared
     * @param value    the unescaped value, possibly empty
     */
    public record Term(String field, Operator operator, String value) {

        /**
         * Validates the term.
         *
         * @throws IllegalArgumentException naming the field when it is empty or holds a character that would
         *                                  change how the selector splits ({@code = ! , \} or whitespace)
         */
        public Term {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value (use \"\" for the empty value)");
            if (field == null || field.isEmpty()) {
                throw new IllegalArgumentException("field selector term needs a field name, got '" + field + "'");
            }
            for (int i = 0; i < field.length(); i++) {
                char c = field.charAt(i);
                if ("=!,\\".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                    throw new IllegalArgumentException("invalid field selector field '" + field + "': may not contain '"
                            + c + "' (field names are paths such as 'status.phase')");
                }
            }
        }

        /** True when {@code fields} satisfy this term; an absent field counts as {@code ""}. */
        public boolean matches(Map<String, String> fields) {
            String actual = fields == null ? null : fields.get(field);
            boolean equal = value.equals(actual == null ? "" : actual);
            return operator == Operator.EQUALS ? equal : !equal;
        }

        /** The term as selector text, with the value escaped. */
        @Override
        public String toString() {
            return field + operator.symbol + escapeValue(value);
        }
    }

    private final List<Term> terms;
    private final String rendered;

    private FieldSelector(List<Term> terms) {
        this.terms = List.copyOf(terms);
        this.rendered = this.terms.stream().map(Term::toString).collect(Collectors.joining(","));
    }

    /** A builder for a new selector. */
    public static Builder builder() {
        return new Builder();
    }

    /** The selector with exactly {@code terms}, in that order. */
    public static FieldSelector of(List<Term> terms) {
        return terms.isEmpty() ? EVERYTHING : new FieldSelector(terms);
    }

    /**
     * Parses the syntax the API server accepts ({@code fields.ParseSelector}): comma-separated
     * {@code field=value}, {@code field==value} or {@code field!=value} terms, split at unescaped commas and at
     * each term's first operator; empty terms are skipped; values are unescaped.
     *
     * @throws IllegalArgumentException naming the selector and the term that has no operator, an unescaped
     *                                  {@code ,}/{@code =} or an unknown escape in its value, or a bad field
     */
    public static FieldSelector parse(String selector) {
        Objects.requireNonNull(selector, "selector");
        List<Term> terms = new ArrayList<>();
        for (String part : FieldSelectorSyntax.splitTerms(selector)) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                terms.add(FieldSelectorSyntax.parseTerm(part));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("invalid field selector '" + selector + "': " + e.getMessage(), e);
            }
        }
        return of(terms);
    }

    /** Escapes {@code \}, {@code ,} and {@code =} with a backslash ({@code fields.EscapeValue}). */
    public static String escapeValue(String value) {
        return FieldSelectorSyntax.escape(value);
    }

    /**
     * Reverses {@link #escapeValue} ({@code fields.UnescapeValue}).
     *
     * @throws IllegalArgumentException on an unescaped {@code ,} or {@code =}, or a backslash not followed by
     *                                  one of {@code \ , =}
     */
    public static String unescapeValue(String escaped) {
        return FieldSelectorSyntax.unescape(escaped);
    }

    /** The terms, in order. */
    public List<Term> terms() {
        return terms;
    }

    /** True when there are no terms. */
    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** True when every term holds for {@code fields} (field path to value; absent fields count as {@code ""}). */
    public boolean matches(Map<String, String> fields) {
        for (Term t : terms) {
            if (!t.matches(fields)) {
                return false;
            }
        }
        return true;
    }

    /** A copy with {@code term} appended. */
    public FieldSelector and(Term term) {
        List<Term> all = new ArrayList<>(terms);
        all.add(Objects.requireNonNull(term, "term"));
        return new FieldSelector(all);
    }

    /** The {@code fieldSelector} query-parameter value (not URL-encoded). */
    @Override
    public String toString() {
        return rendered;
    }

    /** Equal when both render to the same selector text. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof FieldSelector other && rendered.equals(other.rendered);
    }

    @Override
    public int hashCode() {
        return rendered.hashCode();
    }

    /** Collects terms in order; each method validates at once. Not thread-safe; the selectors it builds are. */
    public static final class Builder {
        private final List<Term> terms = new ArrayList<>();

        private Builder() {
        }

        /** Requires {@code field} to equal {@code value} (raw, escaped when rendered). */
        public Builder equal(String field, String value) {
            terms.add(new Term(field, Operator.EQUALS, value));
            return this;
        }

        /** Requires {@code field} to differ from {@code value} (raw, escaped when rendered). */
        public Builder notEqual(String field, String value) {
            terms.add(new Term(field, Operator.NOT_EQUALS, value));
            return this;
        }

        /** The selector of every term added so far. */
        public FieldSelector build() {
            return of(terms);
        }
    }
}
