package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A parsed {@code labelSelector} query parameter: equality ({@code a=b}, {@code a==b}, {@code a!=b}) and set-based
 * ({@code a in (x,y)}, {@code a notin (x)}, {@code a}, {@code !a}) requirements, all of which must hold.
 * A malformed selector is a 400 BadRequest, as on the real server.
 */
final class LabelSelector implements Predicate<ObjectNode> {

    static final LabelSelector EVERYTHING = new LabelSelector(List.of(), "");

    private static final Pattern KEY = Pattern.compile("([a-z0-9A-Z.\\-]+/)?[A-Za-z0-9]([A-Za-z0-9_.\\-]*[A-Za-z0-9])?");
    private static final Pattern VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");

    private enum Op { EQUALS, NOT_EQUALS, IN, NOT_IN, EXISTS, NOT_EXISTS }

    private record Requirement(String key, Op op, Set<String> values) {
        boolean matches(JsonNode labels) {
            JsonNode value = labels == null ? null : labels.get(key);
            String v = value == null || value.isNull() ? null : value.asText();
            return switch (op) {
                case EXISTS -> v != null;
                case NOT_EXISTS -> v == null;
                case EQUALS, IN -> v != null && values.contains(v);
                case NOT_EQUALS, NOT_IN -> v == null || !values.contains(v);
            };
        }
    }

    private final List<Requirement> requirements;
    private final String text;

    private LabelSelector(List<Requirement> requirements, String text) {
        this.requirements = requirements;
        this.text = text;
    }

    static LabelSelector parse(String selector) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> requirements = new ArrayList<>();
        for (String term : splitTopLevel(selector)) {
            requirements.add(parseTerm(term.trim(), selector));
        }
        return new LabelSelector(List.copyOf(requirements), selector);
    }

    boolean isEverything() {
        return requirements.isEmpty();
    }

    @Override
    public boolean test(ObjectNode object) {
        JsonNode labels = object.path("metadata").get("labels");
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** Splits on commas that are not inside parentheses. */
    private static List<String> splitTopLevel(String selector) {
        List<String> terms = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    private static Requirement parseTerm(String term, String selector) {
        if (term.isEmpty()) {
            throw invalid(selector, "empty requirement");
        }
        String lower = term;
        int in = indexOfWord(lower, " notin ");
        if (in >= 0) {
            return new Requirement(key(term.substring(0, in).trim(), selector), Op.NOT_IN,
                    values(term.substring(in + 7).trim(), selector));
        }
        in = indexOfWord(lower, " in ");
        if (in >= 0) {
            return new Requirement(key(term.substring(0, in).trim(), selector), Op.IN,
                    values(term.substring(in + 4).trim(), selector));
        }
        int neq = term.indexOf("!=");
        if (neq >= 0) {
            return new Requirement(key(term.substring(0, neq).trim(), selector), Op.NOT_EQUALS,
                    Set.of(value(term.substring(neq + 2).trim(), selector)));
        }
        int eq = term.indexOf("==");
        if (eq >= 0) {
            return new Requirement(key(term.substring(0, eq).trim(), selector), Op.EQUALS,
                    Set.of(value(term.substring(eq + 2).trim(), selector)));
        }
        eq = term.indexOf('=');
        if (eq >= 0) {
            return new Requirement(key(term.substring(0, eq).trim(), selector), Op.EQUALS,
                    Set.of(value(term.substring(eq + 1).trim(), selector)));
        }
        if (term.startsWith("!")) {
            return new Requirement(key(term.substring(1).trim(), selector), Op.NOT_EXISTS, Set.of());
        }
        return new Requirement(key(term, selector), Op.EXISTS, Set.of());
    }

    private static int indexOfWord(String term, String word) {
        return term.indexOf(word);
    }

    private static String key(String key, String selector) {
        if (!KEY.matcher(key).matches()) {
            throw invalid(selector, "invalid label key \"" + key + "\"");
        }
        return key;
    }

    private static String value(String value, String selector) {
        if (value.length() > 63 || !VALUE.matcher(value).matches()) {
            throw invalid(selector, "invalid label value: \"" + value + "\"");
        }
        return value;
    }

    private static Set<String> values(String list, String selector) {
        if (!list.startsWith("(") || !list.endsWith(")")) {
            throw invalid(selector, "set-based requirement needs values in parentheses");
        }
        Set<String> values = new LinkedHashSet<>();
        for (String v : list.substring(1, list.length() - 1).split(",")) {
            values.add(value(v.trim(), selector));
        }
        return values;
    }

    private static ApiError invalid(String selector, String why) {
        return ApiError.badRequest("unable to parse requirement: " + why + " in label selector \"" + selector + "\"");
    }

    @Override
    public String toString() {
        return text;
    }
}
