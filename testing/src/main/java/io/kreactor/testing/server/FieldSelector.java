package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A parsed {@code fieldSelector}: {@code field=value}, {@code field==value} and {@code field!=value} terms, all
 * of which must hold. Only {@code metadata.name}, {@code metadata.namespace} and the resource's own selectable
 * fields are allowed; any other field is a 400 BadRequest ({@code field label not supported}), as on the real
 * server. A missing field compares as the empty string.
 */
final class FieldSelector implements Predicate<ObjectNode> {

    static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    private record Term(String field, boolean equals, String value) {
    }

    private final List<Term> terms;

    private FieldSelector(List<Term> terms) {
        this.terms = terms;
    }

    static FieldSelector parse(String selector, ResourceType type) {
        if (selector == null || selector.isBlank()) {
            return EVERYTHING;
        }
        List<Term> terms = new ArrayList<>();
        for (String raw : selector.split(",")) {
            String term = raw.trim();
            int neq = term.indexOf("!=");
            int eq = term.indexOf('=');
            Term parsed;
            if (neq >= 0) {
                parsed = new Term(term.substring(0, neq).trim(), false, term.substring(neq + 2).trim());
            } else if (eq >= 0) {
                String value = term.startsWith("=", eq + 1) ? term.substring(eq + 2) : term.substring(eq + 1);
                parsed = new Term(term.substring(0, eq).trim(), true, value.trim());
            } else {
                throw ApiError.badRequest("invalid field selector: \"" + selector + "\": "
                        + "each term must be field=value, field==value or field!=value");
            }
            if (!parsed.field().equals("metadata.name") && !parsed.field().equals("metadata.namespace")
                    && !type.selectableFields().contains(parsed.field())) {
                throw ApiError.badRequest("field label not supported: " + parsed.field());
            }
            terms.add(parsed);
        }
        return new FieldSelector(List.copyOf(terms));
    }

    boolean isEverything() {
        return terms.isEmpty();
    }

    @Override
    public boolean test(ObjectNode object) {
        for (Term term : terms) {
            JsonNode value = Json.at(object, term.field());
            String text = value == null ? "" : value.asText();
            if (term.equals() != text.equals(term.value())) {
                return false;
            }
        }
        return true;
    }
}
