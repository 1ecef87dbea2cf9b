package io.kreactor.core.selector;

import io.kreactor.core.api.Names;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * One term of a label selector ({@code labels.Requirement}): a key, an operator and its values.
 * Immutable; values are kept sorted and without duplicates, as Kubernetes renders them.
 *
 * @param key      the label key, a qualified name ({@code [prefix/]name})
 * @param operator the operator
 * @param values   the values: one for exact matches, at least one for {@code in}/{@code notin}, none for
 *                 {@code key}/{@code !key}
 */
public record Requirement(String key, Operator operator, List<String> values) {

    /**
     * Validates the requirement as {@code labels.NewRequirement} does.
     *
     * @throws IllegalArgumentException naming the bad key or value and the rule it breaks, or the operator
     *                                  and the number of values it needs
     */
    public Requirement {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(values, "values");
        Names.Rule.QUALIFIED_NAME.check("label key", key);
        values = List.copyOf(new TreeSet<>(values));
        if (operator.isSetBased() && values.isEmpty()) {
            throw new IllegalArgumentException("label selector requirement on '" + key + "': for 'in', 'notin' operators, "
                    + "values set can't be empty");
        }
        if (operator.isExactMatch() && values.size() != 1) {
            throw new IllegalArgumentException("label selector requirement on '" + key + "': exact-match compatibility "
                    + "requires one single value, got " + values);
        }
        if (operator.isUnary() && !values.isEmpty()) {
            throw new IllegalArgumentException("label selector requirement on '" + key + "': values set must be empty "
                    + "for exists and does not exist, got " + values);
        }
        for (String v : values) {
            Names.Rule.LABEL_VALUE.check("label value for key '" + key + "'", v);
        }
    }

    /** A requirement with {@code values} in any order. */
    public static Requirement of(String key, Operator operator, String... values) {
        return new Requirement(key, operator, List.of(values));
    }

    /**
     * True when {@code labels} satisfy this requirement ({@code labels.Requirement.Matches}): {@code !=} and
     * {@code notin} also match objects without the label. A null map, or a null value, counts as absent.
     */
    public boolean matches(Map<String, String> labels) {
        String value = labels == null ? null : labels.get(key);
        boolean has = value != null;
        return switch (operator) {
            case EQUALS, DOUBLE_EQUALS, IN -> has && values.contains(value);
            case NOT_EQUALS, NOT_IN -> !has || !values.contains(value);
            case EXISTS -> has;
            case DOES_NOT_EXIST -> !has;
        };
    }

    /** The selector text: {@code key=v}, {@code key in (a,b)}, {@code key}, {@code !key}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (operator == Operator.DOES_NOT_EXIST) {
            sb.append('!');
        }
        sb.append(key).append(operator.infix());
        if (operator.isSetBased()) {
            sb.append('(').append(String.join(",", values)).append(')');
        } else if (operator.isExactMatch()) {
            sb.append(values.get(0));
        }
        return sb.toString();
    }
}
