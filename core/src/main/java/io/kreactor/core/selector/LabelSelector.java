package io.kreactor.core.selector;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A label selector: requirements that must all hold ({@code labels.Selector}). Immutable and thread-safe.
 *
 * <p>{@link #toString()} renders the exact {@code labelSelector} query-parameter value the API server parses
 * ({@code app=web,tier in (be,fe),!legacy}); requirements are ordered by key and set values sorted, as
 * Kubernetes renders them, so equal selectors render equally. {@link #parse(String)} reads that syntax back
 * and {@link #matches(Map)} applies it to an object's labels exactly as the server would. The empty selector,
 * {@link #EVERYTHING}, renders as {@code ""} and matches every object.
 *
 * <pre>{@code
 * LabelSelector s = LabelSelector.builder().equal("app", "web").in("tier", "fe", "be").doesNotExist("legacy").build();
 * ListOptions.DEFAULT.withLabelSelector(s.toString());
 * }</pre>
 */
public final class LabelSelector {

    /** The selector with no requirements: matches everything, renders as {@code ""}. */
    public static final LabelSelector EVERYTHING = new LabelSelector(List.of());

    private static final Comparator<Requirement> BY_KEY = Comparator.comparing(Requirement::key);

    private final List<Requirement> requirements;
    private final String rendered;

    private LabelSelector(List<Requirement> requirements) {
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort(BY_KEY); // stable: requirements on one key keep their order
        this.requirements = List.copyOf(sorted);
        this.rendered = this.requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
    }

    /** A builder for a new selector. */
    public static Builder builder() {
        return new Builder(List.of());
    }

    /** The selector with exactly {@code requirements}. */
    public static LabelSelector of(List<Requirement> requirements) {
        Objects.requireNonNull(requirements, "requirements");
        return requirements.isEmpty() ? EVERYTHING : new LabelSelector(requirements);
    }

    /**
     * The equality selector {@code k1=v1,k2=v2} for every entry of {@code labels} ({@code labels.SelectorFromSet},
     * what a {@code matchLabels} map means).
     *
     * @throws IllegalArgumentException naming a key or value that is not a valid label key or value
     */
    public static LabelSelector fromMap(Map<String, String> labels) {
        Builder b = builder();
        labels.forEach(b::equal);
        return b.build();
    }

    /**
     * Converts a {@code metav1.LabelSelector} — a fabric8 {@code LabelSelector}, a {@code JsonNode} or a
     * {@code Map} with {@code matchLabels} and/or {@code matchExpressions} (operators {@code In}, {@code NotIn},
     * {@code Exists}, {@code DoesNotExist}) — as {@code metav1.LabelSelectorAsSelector} does: an empty one
     * selects everything. (Kubernetes reads a missing selector as "nothing"; pass none here.)
     *
     * @throws IllegalArgumentException naming an unknown operator, or a bad key or value
     */
    public static LabelSelector ofMetaV1(Object labelSelector) {
        return MetaV1LabelSelectors.convert(Objects.requireNonNull(labelSelector, "labelSelector"));
    }

    /**
     * Parses the selector syntax the API server accepts ({@code labels.Parse}): comma-separated
     * {@code key}, {@code !key}, {@code key=v}, {@code key==v}, {@code key!=v}, {@code key in (v1,v2)},
     * {@code key notin (v1,v2)}; whitespace between tokens is ignored; an empty string selects everything.
     *
     * @throws IllegalArgumentException naming the selector, the position and what was expected, or the
     *                                  invalid key or value
     */
    public static LabelSelector parse(String selector) {
        return of(new LabelSelectorParser(Objects.requireNonNull(selector, "selector")).parse());
    }

    /** The requirements, ordered by key. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /** True when there are no requirements (the selector matches everything). */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** True when every requirement holds for {@code labels} (a null map is an object without labels). */
    public boolean matches(Map<String, String> labels) {
        for (Requirement r : requirements) {
            if (!r.matches(labels)) {
                return false;
            }
        }
        return true;
    }

    /** A copy with {@code requirement} added. */
    public LabelSelector and(Requirement requirement) {
        Objects.requireNonNull(requirement, "requirement");
        List<Requirement> all = new ArrayList<>(requirements);
        all.add(requirement);
        return new LabelSelector(all);
    }

    /** A builder holding this selector's requirements, to add more. */
    public Builder toBuilder() {
        return new Builder(requirements);
    }

    /** The {@code labelSelector} query-parameter value (not URL-encoded). */
    @Override
    public String toString() {
        return rendered;
    }

    /** Equal when both render to the same selector text. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof LabelSelector other && rendered.equals(other.rendered);
    }

    @Override
    public int hashCode() {
        return rendered.hashCode();
    }

    /**
     * Collects requirements; every method validates its key and values at once and throws an
     * {@link IllegalArgumentException} naming the bad one. Not thread-safe; the selectors it builds are.
     */
    public static final class Builder {
        private final List<Requirement> requirements;

        private Builder(List<Requirement> initial) {
            this.requirements = new ArrayList<>(initial);
        }

        /** Requires label {@code key} to equal {@code value} ({@code key=value}). */
        public Builder equal(String key, String value) {
            return requirement(Requirement.of(key, Operator.EQUALS, value));
        }

        /** Requires label {@code key} to be absent or differ from {@code value} ({@code key!=value}). */
        public Builder notEqual(String key, String value) {
            return requirement(Requirement.of(key, Operator.NOT_EQUALS, value));
        }

        /** Requires label {@code key} to have one of {@code values} ({@code key in (a,b)}). */
        public Builder in(String key, String... values) {
            return requirement(Requirement.of(key, Operator.IN, values));
        }

        /** Requires label {@code key} to be absent or have none of {@code values} ({@code key notin (a,b)}). */
        public Builder notIn(String key, String... values) {
            return requirement(Requirement.of(key, Operator.NOT_IN, values));
        }

        /** Requires label {@code key} to be present ({@code key}). */
        public Builder exists(String key) {
            return requirement(Requirement.of(key, Operator.EXISTS));
        }

        /** Requires label {@code key} to be absent ({@code !key}). */
        public Builder doesNotExist(String key) {
            return requirement(Requirement.of(key, Operator.DOES_NOT_EXIST));
        }

        /** Adds {@code requirement}. */
        public Builder requirement(Requirement requirement) {
            requirements.add(Objects.requireNonNull(requirement, "requirement"));
            return this;
        }

        /** The selector of every requirement added so far. */
        public LabelSelector build() {
            return of(requirements);
        }
    }
}
