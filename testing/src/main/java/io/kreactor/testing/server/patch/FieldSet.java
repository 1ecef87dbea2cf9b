package io.kreactor.testing.server.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of field paths, the value of a {@code managedFields} entry's {@code fieldsV1}: a tree whose edges are
 * FieldsV1 path elements ({@code f:spec}, {@code k:{"name":"app"}}, {@code v:"x"}) and whose nodes may be
 * members of the set. Serialized, a member leaf is {@code {}} and a member that also has members below it
 * carries {@code ".": {}}.
 *
 * <p>Instances handed out by this package are not changed afterwards; set operations return new sets.
 */
public final class FieldSet {

    private boolean member;
    private final TreeMap<String, FieldSet> children = new TreeMap<>(PathElements.ORDER);

    FieldSet() {
    }

    /** An empty set. */
    public static FieldSet empty() {
        return new FieldSet();
    }

    /**
     * Decodes a FieldsV1 object.
     *
     * @throws IllegalArgumentException if the JSON is not a FieldsV1 tree
     */
    public static FieldSet fromFieldsV1(JsonNode fieldsV1) {
        FieldSet set = new FieldSet();
        if (fieldsV1 == null || fieldsV1.isNull()) {
            return set;
        }
        if (!fieldsV1.isObject()) {
            throw new IllegalArgumentException("fieldsV1 must be a JSON object, got " + JsonValues.typeName(fieldsV1));
        }
        for (Map.Entry<String, JsonNode> e : fieldsV1.properties()) {
            if (e.getKey().equals(".")) {
                set.member = true;
                continue;
            }
            FieldSet child = fromFieldsV1(e.getValue());
            if (child.children.isEmpty()) {
                child.member = true;
            }
            set.children.merge(PathElements.canonical(e.getKey()), child, FieldSet::union);
        }
        return set;
    }

    /** Encodes the set as FieldsV1. */
    public ObjectNode toFieldsV1() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (member && !children.isEmpty()) {
            out.putObject(".");
        }
        children.forEach((element, child) -> out.set(element, child.toFieldsV1()));
        return out;
    }

    /** Whether the set has no member. */
    public boolean isEmpty() {
        return !member && children.isEmpty();
    }

    /** Whether the path (a list of FieldsV1 elements) is a member. */
    public boolean has(List<String> path) {
        FieldSet node = find(path);
        return node != null && node.member;
    }

    /** Every member path, each rendered as the API server renders it ({@code .spec.containers[name="app"].image}). */
    public List<String> renderedPaths() {
        List<String> out = new ArrayList<>();
        for (List<String> path : paths()) {
            out.add(PathElements.render(path));
        }
        return out;
    }

    /** Every member path as FieldsV1 elements, parents before children. */
    public List<List<String>> paths() {
        List<List<String>> out = new ArrayList<>();
        collect(new ArrayList<>(), out);
        return out;
    }

    /** Whether any member lies strictly below the path. */
    boolean hasMembersBelow(List<String> path) {
        FieldSet node = find(path);
        return node != null && !node.children.isEmpty();
    }

    void insert(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.computeIfAbsent(element, e -> new FieldSet());
        }
        node.member = true;
    }

    /** The members of either set. */
    public FieldSet union(FieldSet other) {
        FieldSet out = copy();
        out.member |= other.member;
        other.children.forEach((element, child) -> out.children.merge(element, child.copy(), FieldSet::union));
        return out;
    }

    /** The members of both sets. */
    public FieldSet intersection(FieldSet other) {
        FieldSet out = new FieldSet();
        out.member = member && other.member;
        children.forEach((element, child) -> {
            FieldSet theirs = other.children.get(element);
            if (theirs != null) {
                FieldSet common = child.intersection(theirs);
                if (!common.isEmpty()) {
                    out.children.put(element, common);
                }
            }
        });
        return out;
    }

    /** The members of this set that are not members of {@code other}. */
    public FieldSet difference(FieldSet other) {
        FieldSet out = new FieldSet();
        out.member = member && !other.member;
        children.forEach((element, child) -> {
            FieldSet theirs = other.children.get(element);
            FieldSet rest = theirs == null ? child.copy() : child.difference(theirs);
            if (!rest.isEmpty()) {
                out.children.put(element, rest);
            }
        });
        return out;
    }

    private FieldSet find(List<String> path) {
        FieldSet node = this;
        for (String element : path) {
            node = node.children.get(element);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    private FieldSet copy() {
        FieldSet out = new FieldSet();
        out.member = member;
        children.forEach((element, child) -> out.children.put(element, child.copy()));
        return out;
    }

    private void collect(List<String> prefix, List<List<String>> out) {
        if (member) {
            out.add(List.copyOf(prefix));
        }
        children.forEach((element, child) -> {
            prefix.add(element);
            child.collect(prefix, out);
            prefix.remove(prefix.size() - 1);
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet other && member == other.member && children.equals(other.children);
    }

    @Override
    public int hashCode() {
        return Boolean.hashCode(member) * 31 + children.hashCode();
    }

    /** The FieldsV1 JSON. */
    @Override
    public String toString() {
        return toFieldsV1().toString();
    }
}
