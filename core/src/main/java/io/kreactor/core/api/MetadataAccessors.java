package io.kreactor.core.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Finds the {@link MetadataAccessor} for a type: Jackson trees ({@link JsonNode}) read
 * {@code /metadata/...}; {@link Unstructured} and other {@link UnstructuredMetadata} read their metadata tree;
 * any other type must have a public {@code getMetadata()} returning an object with
 * {@code getName()}, {@code getNamespace()}, {@code getResourceVersion()}, {@code getUid()},
 * {@code getLabels()} and {@code getAnnotations()} — as fabric8's {@code HasMetadata}/{@code ObjectMeta} do.
 * Accessors are built once per class with method handles, so reading is as cheap as a direct call.
 */
public final class MetadataAccessors {

    private static final Map<Class<?>, MetadataAccessor<?>> CACHE = new ConcurrentHashMap<>();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private MetadataAccessors() {
    }

    /**
     * The accessor for objects of {@code type}.
     *
     * @throws IllegalArgumentException naming the type when it has no usable {@code getMetadata()}
     */
    @SuppressWarnings("unchecked")
    public static <T> MetadataAccessor<T> forType(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return (MetadataAccessor<T>) CACHE.computeIfAbsent(type, MetadataAccessors::build);
    }

    private static MetadataAccessor<?> build(Class<?> type) {
        if (JsonNode.class.isAssignableFrom(type)) {
            return new JsonNodeAccessor();
        }
        if (Unstructured.class.isAssignableFrom(type)) {
            return new UnstructuredObjectAccessor();
        }
        if (UnstructuredMetadata.class.isAssignableFrom(type)) {
            return new UnstructuredAccessor();
        }
        return BeanAccessor.of(type);
    }

    /** Objects that expose their metadata as a Jackson tree (the dynamic client's untyped objects). */
    public interface UnstructuredMetadata {
        /** The object's {@code metadata} node, or a missing node. */
        JsonNode metadataNode();
    }

    private static String text(JsonNode meta, String field) {
        JsonNode n = meta.path(field);
        return n.isTextual() ? n.asText() : null;
    }

    private static Map<String, String> stringMap(JsonNode meta, String field) {
        JsonNode n = meta.path(field);
        // Converting to Map<String, String> (not a raw Map) makes a malformed non-string value text instead of
        // an Integer hiding in a Map<String, String> until someone reads it.
        return n.isObject() ? KubernetesJson.mapper().convertValue(n, STRING_MAP) : Map.of();
    }

    private abstract static class TreeAccessor<T> implements MetadataAccessor<T> {
        abstract JsonNode meta(T o);

        @Override
        public String namespace(T o) {
            return text(meta(o), "namespace");
        }

        @Override
        public String name(T o) {
            return text(meta(o), "name");
        }

        @Override
        public String resourceVersion(T o) {
            return text(meta(o), "resourceVersion");
        }

        @Override
        public String uid(T o) {
            return text(meta(o), "uid");
        }

        @Override
        public Map<String, String> labels(T o) {
            return stringMap(meta(o), "labels");
        }

        @Override
        public Map<String, String> annotations(T o) {
            return stringMap(meta(o), "annotations");
        }
    }

    private static final class JsonNodeAccessor extends TreeAccessor<JsonNode> {
        @Override
        JsonNode meta(JsonNode o) {
            return o.path("metadata");
        }
    }

    private static final class UnstructuredAccessor extends TreeAccessor<UnstructuredMetadata> {
        @Override
        JsonNode meta(UnstructuredMetadata o) {
            return o.metadataNode();
        }
    }

    /** Reads {@link Unstructured}'s own tree directly: its {@code metadataNode()} is a defensive copy. */
    private static final class UnstructuredObjectAccessor implements MetadataAccessor<Unstructured> {
        @Override
        public String namespace(Unstructured o) {
            return o.namespace();
        }

        @Override
        public String name(Unstructured o) {
            return o.name();
        }

        @Override
        public String resourceVersion(Unstructured o) {
            return o.resourceVersion();
        }

        @Override
        public String uid(Unstructured o) {
            return o.uid();
        }

        @Override
        public Map<String, String> labels(Unstructured o) {
            return o.labels();
        }

        @Override
        public Map<String, String> annotations(Unstructured o) {
            return o.annotations();
        }
    }

    /**
     * Reads a model bean's metadata through generated lambdas ({@link AccessorLambdas}): the informer asks for
     * the key and resourceVersion of every object it receives, and a method handle held in a field is not a
     * constant the JIT can inline.
     */
    private record BeanAccessor<T>(Function<Object, Object> metadata, Function<Object, Object> name,
                                   Function<Object, Object> namespace, Function<Object, Object> resourceVersion,
                                   Function<Object, Object> uid, Function<Object, Object> labels,
                                   Function<Object, Object> annotations) implements MetadataAccessor<T> {

        static <T> BeanAccessor<T> of(Class<T> type) {
            try {
                Method getMetadata = type.getMethod("getMetadata");
                Class<?> metaType = getMetadata.getReturnType();
                return new BeanAccessor<>(AccessorLambdas.getter(type, getMetadata), getter(metaType, "getName"),
                        getter(metaType, "getNamespace"), getter(metaType, "getResourceVersion"),
                        getter(metaType, "getUid"), getter(metaType, "getLabels"), getter(metaType, "getAnnotations"));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException(type.getName() + " has no public getMetadata() with getName(), getNamespace(), "
                        + "getResourceVersion(), getUid(), getLabels() and getAnnotations(); use a fabric8 model type, a JsonNode "
                        + "or an UnstructuredMetadata", e);
            }
        }

        private static Function<Object, Object> getter(Class<?> metaType, String name)
                throws ReflectiveOperationException {
            return AccessorLambdas.getter(metaType, metaType.getMethod(name));
        }

        // Each getter is applied at a call site of its own, which sees one lambda class per model type (a shared
        // site would see them all and dispatch through the interface instead of inlining).
        private Object meta(T o) {
            return metadata.apply(o);
        }

        @Override
        public String namespace(T o) {
            Object m = meta(o);
            return m == null ? null : (String) namespace.apply(m);
        }

        @Override
        public String name(T o) {
            Object m = meta(o);
            return m == null ? null : (String) name.apply(m);
        }

        @Override
        public String resourceVersion(T o) {
            Object m = meta(o);
            return m == null ? null : (String) resourceVersion.apply(m);
        }

        @Override
        public String uid(T o) {
            Object m = meta(o);
            return m == null ? null : (String) uid.apply(m);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, String> labels(T o) {
            Object m = meta(o);
            Map<String, String> map = m == null ? null : (Map<String, String>) labels.apply(m);
            return map == null ? Map.of() : map;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map<String, String> annotations(T o) {
            Object m = meta(o);
            Map<String, String> map = m == null ? null : (Map<String, String>) annotations.apply(m);
            return map == null ? Map.of() : map;
        }
    }
}
