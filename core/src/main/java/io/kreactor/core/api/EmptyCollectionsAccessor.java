package io.kreactor.core.api;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Slims the list and map fields of one model type after an object is bound: an empty {@link ArrayList} or
 * {@link HashMap} (a {@code LinkedHashMap} included) becomes the shared immutable empty list or map, and a
 * non-empty {@code ArrayList} is trimmed to its size. fabric8's model classes start every list field as a new
 * {@code ArrayList} (and some map fields as a new {@code LinkedHashMap}) that the JSON rarely fills: a decoded
 * Pod holds about 40 empty lists, a third of all its objects, and Jackson grows each filled list to ten slots.
 *
 * <p>The properties are public {@code getX()} methods declared to return exactly {@code List} or {@code Map}
 * with a public {@code setX(..)} taking the same type (so the shared empty one fits), found once per type for
 * the JVM and bound into lambdas ({@link AccessorLambdas}). {@code additionalProperties} is left to
 * {@link AdditionalPropertiesAccessor}. Collections of other classes (already immutable ones, a caller's own)
 * are left as they are. Empty and immutable, the shared instances compare {@code equals} to and serialize like
 * the empty collections they replace.
 */
final class EmptyCollectionsAccessor {

    private static final EmptyCollectionsAccessor NONE = new EmptyCollectionsAccessor(Void.class, new Property[0]);

    private static final ClassValue<EmptyCollectionsAccessor> ACCESSORS = new ClassValue<>() {
        @Override
        protected EmptyCollectionsAccessor computeValue(Class<?> type) {
            return lookUp(type);
        }
    };

    /** One list or map property: how to read it and how to replace it. */
    private record Property(Function<Object, Object> getter, BiConsumer<Object, Object> setter) {
    }

    private final Class<?> type;
    /** An array, not a list: iterating a list costs an iterator for every bound object. */
    private final Property[] properties;

    private EmptyCollectionsAccessor(Class<?> type, Property[] properties) {
        this.type = type;
        this.properties = properties;
    }

    /** The accessor for {@code type}; one that does nothing when it has no such property. */
    static EmptyCollectionsAccessor of(Class<?> type) {
        return ACCESSORS.get(type);
    }

    /** Whether the type has no property this accessor would touch. */
    boolean isEmpty() {
        return properties.length == 0;
    }

    private static EmptyCollectionsAccessor lookUp(Class<?> type) {
        if (type.isInterface() || type.isPrimitive() || type.isArray() || Modifier.isAbstract(type.getModifiers())
                || type.getName().startsWith("java.")) {
            return NONE;
        }
        List<Property> found = new ArrayList<>();
        for (Method get : type.getMethods()) {
            Class<?> kind = get.getReturnType();
            String name = get.getName();
            if ((kind != List.class && kind != Map.class) || get.getParameterCount() != 0 || !name.startsWith("get")
                    || name.equals("getAdditionalProperties") || Modifier.isStatic(get.getModifiers())) {
                continue;
            }
            try {
                Method set = type.getMethod("set" + name.substring(3), kind);
                if (!Modifier.isStatic(set.getModifiers()) && set.getReturnType() == void.class) {
                    found.add(new Property(AccessorLambdas.getter(type, get), AccessorLambdas.setter(type, set)));
                }
            } catch (NoSuchMethodException | IllegalAccessException | SecurityException e) {
                // a read-only property: nothing to replace
            }
        }
        return found.isEmpty() ? NONE : new EmptyCollectionsAccessor(type, found.toArray(new Property[0]));
    }

    /**
     * Shares the empty collections of {@code bean} and trims its filled lists; returns {@code bean}. Anything
     * that is not an instance of the type (null) passes unchanged.
     */
    Object share(Object bean) {
        if (!type.isInstance(bean)) {
            return bean;
        }
        for (Property property : properties) {
            Object value = property.getter().apply(bean);
            if (value instanceof ArrayList<?> list) {
                if (list.isEmpty()) {
                    property.setter().accept(bean, Collections.emptyList());
                } else {
                    list.trimToSize();
                }
            } else if (value instanceof HashMap<?, ?> map && map.isEmpty()) {
                property.setter().accept(bean, Collections.emptyMap());
            }
        }
        return bean;
    }
}
