package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An object of any kind as a JSON tree: the dynamic client's untyped object, like client-go's
 * {@code unstructured.Unstructured}. It serializes to and from the plain object JSON
 * ({@code {"apiVersion":...,"kind":...,"metadata":{...},...}}) with {@link KubernetesJson#mapper()}.
 *
 * <p><b>Immutable.</b> The tree is copied when an {@code Unstructured} is built from a caller's node and every
 * accessor that returns a tree returns a copy, so no one can change an instance after it is built; every
 * {@code withX} returns a modified deep copy. Instances can therefore be cached and shared across threads
 * (informer caches, listers) without defensive copies. Decoding takes ownership of the freshly parsed tree
 * and so costs no copy.
 *
 * <p>Equality is by content: two instances are equal when their JSON is equal (object member order aside).
 * Numbers are kept in the form Jackson's parser gives them, so a tree built with {@link #from(Object)} equals
 * the same object decoded from text.
 *
 * <p>{@link #toString()} shows the kind and {@code namespace/name} only, never the content (a Secret's
 * {@code data} must not reach a log).
 */
public final class Unstructured implements MetadataAccessors.UnstructuredMetadata {

    private final ObjectNode root;
    private int hash;

    private Unstructured(ObjectNode owned) {
        JsonTrees.canonicalizeNumbers(owned);
        this.root = owned;
    }

    /** An object with nothing but {@code apiVersion} and {@code kind} set, to be filled in with {@code withX}. */
    public static Unstructured of(GroupVersionKind gvk) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("apiVersion", gvk.apiVersion());
        node.put("kind", gvk.kind());
        return new Unstructured(node);
    }

    /**
     * A copy of {@code object}'s tree.
     *
     * @throws IllegalArgumentException when {@code object} is not a JSON object
     */
    public static Unstructured of(JsonNode object) {
        Objects.requireNonNull(object, "object");
        if (!object.isObject()) {
            throw new IllegalArgumentException("an Unstructured must be a JSON object, got " + object.getNodeType());
        }
        return new Unstructured(((ObjectNode) object).deepCopy());
    }

    /** Decoding entry point: the freshly parsed node belongs to no one else, so it is not copied. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static Unstructured decode(ObjectNode parsed) {
        return new Unstructured(parsed);
    }

    /**
     * Parses the JSON text of one object.
     *
     * @throws IllegalArgumentException when {@code json} is not a JSON object
     */
    public static Unstructured parse(String json) {
        try {
            return KubernetesJson.mapper().readValue(json, Unstructured.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Converts a typed object (a fabric8 model, any Jackson-mappable POJO, a {@link JsonNode} or a
     * {@code Map}) to its untyped form with {@link KubernetesJson#mapper()}.
     *
     * @throws IllegalArgumentException naming the type when it does not map to a JSON object
     */
    public static Unstructured from(Object typed) {
        Objects.requireNonNull(typed, "typed");
        if (typed instanceof Unstructured u) {
            return u;
        }
        if (typed instanceof JsonNode node) {
            return of(node);
        }
        JsonNode tree;
        try {
            tree = KubernetesJson.mapper().valueToTree(typed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot convert " + typed.getClass().getName() + " to Unstructured: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("cannot convert " + typed.getClass().getName()
                    + " to Unstructured: it maps to JSON " + (tree == null ? "null" : tree.getNodeType()) + ", not an object");
        }
        return new Unstructured((ObjectNode) tree);
    }

    /**
     * Converts this object to {@code type} (a fabric8 model class, for example) with {@link KubernetesJson#mapper()}.
     * Unknown fields are ignored, as everywhere in this library.
     *
     * @throws IllegalArgumentException naming this object and the type when the content does not fit the type
     */
    public <T> T to(Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            return KubernetesJson.mapper().treeToValue(root, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot convert " + this + " to " + type.getName() + ": "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    /** A deep copy of the whole object tree. */
    public ObjectNode toJsonNode() {
        return root.deepCopy();
    }

    @JsonValue
    private ObjectNode jsonValue() {
        return root;
    }

    // ---- type and metadata accessors -------------------------------------------------------------------

    /** {@code apiVersion}, or null when absent. */
    public String apiVersion() {
        return JsonTrees.text(root, "apiVersion");
    }

    /** {@code kind}, or null when absent. */
    public String kind() {
        return JsonTrees.text(root, "kind");
    }

    /**
     * The kind from {@code apiVersion} and {@code kind}; empty when either is missing or malformed (list items
     * of built-in types arrive without them, as in client-go).
     */
    public Optional<GroupVersionKind> groupVersionKind() {
        String apiVersion = apiVersion();
        String kind = kind();
        if (apiVersion == null || apiVersion.isEmpty() || kind == null || kind.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(GroupVersionKind.of(apiVersion, kind));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A deep copy of {@code metadata}, or a missing node when absent. */
    @Override
    public JsonNode metadataNode() {
        JsonNode m = root.get("metadata");
        return m == null ? MissingNode.getInstance() : m.deepCopy();
    }

    /** {@code metadata.name}, or null. */
    public String name() {
        return JsonTrees.text(meta(), "name");
    }

    /** {@code metadata.generateName}, or null. */
    public String generateName() {
        return JsonTrees.text(meta(), "generateName");
    }

    /** {@code metadata.namespace}, or null (cluster-scoped objects). */
    public String namespace() {
        return JsonTrees.text(meta(), "namespace");
    }

    /** {@code metadata.labels}, unmodifiable, never null; non-string values are rendered as text. */
    public Map<String, String> labels() {
        return JsonTrees.stringMap(meta(), "labels");
    }

    /** {@code metadata.annotations}, unmodifiable, never null; non-string values are rendered as text. */
    public Map<String, String> annotations() {
        return JsonTrees.stringMap(meta(), "annotations");
    }

    /** {@code metadata.resourceVersion}, or null. */
    public String resourceVersion() {
        return JsonTrees.text(meta(), "resourceVersion");
    }

    /** {@code metadata.uid}, or null. */
    public String uid() {
        return JsonTrees.text(meta(), "uid");
    }

    /** {@code metadata.generation}, or 0 when absent (as client-go's {@code GetGeneration}). */
    public long generation() {
        return meta().path("generation").asLong(0);
    }

    /** {@code metadata.creationTimestamp}, or null. */
    public Instant creationTimestamp() {
        return instant("creationTimestamp");
    }

    /** {@code metadata.deletionTimestamp}, or null; set once deletion has been requested and finalizers remain. */
    public Instant deletionTimestamp() {
        return instant("deletionTimestamp");
    }

    /** {@code metadata.finalizers}, unmodifiable, never null. */
    public List<String> finalizers() {
        JsonNode n = meta().path("finalizers");
        if (!n.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(n.size());
        n.forEach(f -> out.add(f.asText()));
        return Collections.unmodifiableList(out);
    }

    /** A deep copy of {@code metadata.ownerReferences}, an empty array when absent. */
    public ArrayNode ownerReferences() {
        JsonNode n = meta().path("ownerReferences");
        return n.isArray() ? ((ArrayNode) n).deepCopy() : JsonNodeFactory.instance.arrayNode();
    }

    /**
     * A deep copy of the value at {@code path} ({@code nested("spec", "replicas")}), or a missing node when any
     * step is absent or not an object; like client-go's {@code NestedFieldCopy}.
     */
    public JsonNode nested(String... path) {
        JsonNode n = root;
        for (String step : path) {
            n = n.path(step);
        }
        return n.isMissingNode() ? n : n.deepCopy();
    }

    // ---- copies -----------------------------------------------------------------------------------------

    /** A copy with {@code apiVersion} and {@code kind} from {@code gvk}. */
    public Unstructured withGroupVersionKind(GroupVersionKind gvk) {
        return edit(r -> {
            r.put("apiVersion", gvk.apiVersion());
            r.put("kind", gvk.kind());
        });
    }

    /** A copy with {@code apiVersion} (null removes it). */
    public Unstructured withApiVersion(String apiVersion) {
        return withNested(apiVersion, "apiVersion");
    }

    /** A copy with {@code kind} (null removes it). */
    public Unstructured withKind(String kind) {
        return withNested(kind, "kind");
    }

    /** A copy with {@code metadata.name} (null removes it). */
    public Unstructured withName(String name) {
        return withNested(name, "metadata", "name");
    }

    /** A copy with {@code metadata.generateName} (null removes it). */
    public Unstructured withGenerateName(String generateName) {
        return withNested(generateName, "metadata", "generateName");
    }

    /** A copy with {@code metadata.namespace} (null removes it). */
    public Unstructured withNamespace(String namespace) {
        return withNested(namespace, "metadata", "namespace");
    }

    /** A copy whose {@code metadata.labels} are exactly {@code labels} (null or empty removes them). */
    public Unstructured withLabels(Map<String, String> labels) {
        return withNested(labels == null || labels.isEmpty() ? null : labels, "metadata", "labels");
    }

    /** A copy with label {@code key} set to {@code value} (null removes the label). */
    public Unstructured withLabel(String key, String value) {
        return withNested(value, "metadata", "labels", key);
    }

    /** A copy whose {@code metadata.annotations} are exactly {@code annotations} (null or empty removes them). */
    public Unstructured withAnnotations(Map<String, String> annotations) {
        return withNested(annotations == null || annotations.isEmpty() ? null : annotations, "metadata", "annotations");
    }

    /** A copy with annotation {@code key} set to {@code value} (null removes the annotation). */
    public Unstructured withAnnotation(String key, String value) {
        return withNested(value, "metadata", "annotations", key);
    }

    /** A copy with {@code metadata.resourceVersion} (null removes it, as an unconditional update wants). */
    public Unstructured withResourceVersion(String resourceVersion) {
        return withNested(resourceVersion, "metadata", "resourceVersion");
    }

    /** A copy with {@code metadata.uid} (null removes it). */
    public Unstructured withUid(String uid) {
        return withNested(uid, "metadata", "uid");
    }

    /** A copy with {@code metadata.generation}. */
    public Unstructured withGeneration(long generation) {
        return withNested(generation, "metadata", "generation");
    }

    /** A copy with {@code metadata.creationTimestamp} (null removes it), written as RFC 3339. */
    public Unstructured withCreationTimestamp(Instant timestamp) {
        return withNested(timestamp == null ? null : timestamp.toString(), "metadata", "creationTimestamp");
    }

    /** A copy with {@code metadata.deletionTimestamp} (null removes it), written as RFC 3339. */
    public Unstructured withDeletionTimestamp(Instant timestamp) {
        return withNested(timestamp == null ? null : timestamp.toString(), "metadata", "deletionTimestamp");
    }

    /** A copy with {@code metadata.finalizers} (null or empty removes them). */
    public Unstructured withFinalizers(List<String> finalizers) {
        return withNested(finalizers == null || finalizers.isEmpty() ? null : finalizers, "metadata", "finalizers");
    }

    /** A copy with {@code metadata.ownerReferences} (null or an empty array removes them). */
    public Unstructured withOwnerReferences(JsonNode ownerReferences) {
        if (ownerReferences != null && !ownerReferences.isArray()) {
            throw new IllegalArgumentException("ownerReferences must be a JSON array, got " + ownerReferences.getNodeType());
        }
        return withNested(ownerReferences == null || ownerReferences.isEmpty() ? null : ownerReferences, "metadata", "ownerReferences");
    }

    /**
     * A copy with {@code value} (converted with {@link KubernetesJson#mapper()}) at {@code path}, creating
     * intermediate objects; a null value removes the field. Like client-go's {@code SetNestedField}.
     *
     * @throws IllegalArgumentException when a step of the path exists but is not an object
     */
    public Unstructured withNested(Object value, String... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("path must name at least one field");
        }
        JsonNode tree = value == null ? null : KubernetesJson.mapper().valueToTree(value);
        return edit(r -> JsonTrees.setNested(r, tree, path));
    }

    // ---- object contract --------------------------------------------------------------------------------

    /** Equal when the other is an {@code Unstructured} with the same JSON content. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Unstructured other && root.equals(other.root);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = root.hashCode();
            hash = h;
        }
        return h;
    }

    /** {@code Unstructured[apps/v1, Kind=Deployment default/web]}: kind and key only, never the content. */
    @Override
    public String toString() {
        String ns = namespace();
        String name = name();
        String key = (ns == null || ns.isEmpty() ? "" : ns + "/") + (name == null ? "<no name>" : name);
        String type = groupVersionKind().map(GroupVersionKind::toString).orElse("<no apiVersion/kind>");
        return "Unstructured[" + type + " " + key + "]";
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Unstructured edit(java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode copy = root.deepCopy();
        edit.accept(copy);
        return new Unstructured(copy);
    }

    private JsonNode meta() {
        return root.path("metadata");
    }

    private Instant instant(String field) {
        String s = JsonTrees.text(meta(), field);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("metadata." + field + " of " + this + " is not an RFC 3339 time: '" + s + "'", e);
        }
    }
}
