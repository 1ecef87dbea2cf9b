package io.kreactor.testing.server.patch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a kind's OpenAPI schema that merging needs: which list fields merge by key or as sets, and
 * which objects are atomic ({@code x-kubernetes-map-type: atomic}, such as label selectors). Everything else
 * is a list that is replaced whole or an object whose fields merge one by one.
 *
 * <p>Fields are addressed by dotted paths from the object's root, with {@code []} for "every item of this
 * list": {@code spec.template.spec.containers[].env}.
 */
public final class ObjectSchema {

    private final Map<String, ListSchema> lists;
    private final Set<String> atomicObjects;

    private ObjectSchema(Map<String, ListSchema> lists, Set<String> atomicObjects) {
        this.lists = Map.copyOf(lists);
        this.atomicObjects = Set.copyOf(atomicObjects);
    }

    /** A new builder holding the rules every kind shares ({@code metadata.ownerReferences}, {@code metadata.finalizers}). */
    public static Builder builder() {
        return new Builder()
                .list("metadata.ownerReferences", ListSchema.map("uid"))
                .list("metadata.finalizers", ListSchema.SET);
    }

    /**
     * The merge rules of a structural OpenAPI v3 schema, such as a CustomResourceDefinition version's
     * {@code schema.openAPIV3Schema}: {@code x-kubernetes-list-type} ({@code atomic} unless declared),
     * {@code x-kubernetes-list-map-keys} (with the keys' {@code default}s) and
     * {@code x-kubernetes-map-type: atomic}, plus the metadata rules every object shares.
     *
     * @throws IllegalArgumentException if the schema is not an object or declares an unknown list type or a map
     *                                  list without keys
     */
    public static ObjectSchema fromOpenApiV3(com.fasterxml.jackson.databind.JsonNode openApiV3Schema) {
        return OpenApiSchemaReader.read(openApiV3Schema);
    }

    /** How the list at {@code path} merges; {@link ListSchema#ATOMIC} unless a rule says otherwise. */
    public ListSchema list(String path) {
        return lists.getOrDefault(path, ListSchema.ATOMIC);
    }

    /** Whether the object at {@code path} is one value for server-side apply. */
    public boolean isAtomicObject(String path) {
        return atomicObjects.contains(path);
    }

    /** Collects list and atomic-object rules; rules can be mounted under a prefix to share pod spec rules. */
    public static final class Builder {
        private final Map<String, ListSchema> lists = new HashMap<>();
        private final Set<String> atomicObjects = new HashSet<>();

        private Builder() {
        }

        /** Declares how the list at {@code path} merges. */
        public Builder list(String path, ListSchema schema) {
            lists.put(path, schema);
            return this;
        }

        /** Declares the object at {@code path} atomic. */
        public Builder atomicObject(String path) {
            atomicObjects.add(path);
            return this;
        }

        /** Builds the immutable schema. */
        public ObjectSchema build() {
            return new ObjectSchema(lists, atomicObjects);
        }
    }
}
