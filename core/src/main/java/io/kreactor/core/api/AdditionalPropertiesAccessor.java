package io.kreactor.core.api;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Reads and replaces the {@code additionalProperties} map of one model type — the shape every fabric8 model
 * class has: {@code Map<String, Object> getAdditionalProperties()} and {@code setAdditionalProperties(Map)}, with
 * a map that its {@code @JsonAnySetter} fills with unknown fields and that is almost always left empty.
 *
 * <p>The methods are found by name and signature (so core needs no compile-time dependency on fabric8) once per
 * type for the JVM, when Jackson first builds a deserializer for it, and bound into generated lambdas as
 * Blackbird binds setters:
 * a method handle held in a field is not a constant the JIT can inline, and with two such calls per object a
 * Pod bound about a tenth slower; with lambdas about a twentieth. Where no lambda can be generated (the type's
 * package is not open to this module) the method handles are used as they are.
 */
final class AdditionalPropertiesAccessor {

    /** The one map every emptied object shares; immutable, so sharing it between objects is safe. */
    static final Map<String, Object> SHARED_EMPTY = Collections.emptyMap();

    /** Marks a type without the shape ({@link ClassValue} holds no nulls). */
    private static final AdditionalPropertiesAccessor NONE = new AdditionalPropertiesAccessor(Void.class, null, null);

    /**
     * One accessor per type for the JVM: Jackson asks again for every mapper, and for every use of a type whose
     * custom deserializer it does not cache (fabric8's {@code Quantity}), and each accessor generates two classes.
     */
    private static final ClassValue<AdditionalPropertiesAccessor> ACCESSORS = new ClassValue<>() {
        @Override
        protected AdditionalPropertiesAccessor computeValue(Class<?> type) {
            AdditionalPropertiesAccessor accessor = lookUp(type);
            return accessor == null ? NONE : accessor;
        }
    };

    private final Class<?> type;
    private final Function<Object, Map<?, ?>> getter;
    private final BiConsumer<Object, Map<String, Object>> setter;

    private AdditionalPropertiesAccessor(Class<?> type, Function<Object, Map<?, ?>> getter,
                                         BiConsumer<Object, Map<String, Object>> setter) {
        this.type = type;
        this.getter = getter;
        this.setter = setter;
    }

    /**
     * The accessor for {@code type}, or null when it does not have both methods with exactly those signatures
     * (a getter declared to return a narrower map could not hand back the shared one) or they cannot be called.
     */
    static AdditionalPropertiesAccessor find(Class<?> type) {
        AdditionalPropertiesAccessor accessor = ACCESSORS.get(type);
        return accessor == NONE ? null : accessor;
    }

    private static AdditionalPropertiesAccessor lookUp(Class<?> type) {
        if (type.isInterface() || type.isPrimitive() || type.isArray() || Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        try {
            Method get = type.getMethod("getAdditionalProperties");
            Method set = type.getMethod("setAdditionalProperties", Map.class);
            if (get.getReturnType() != Map.class || Modifier.isStatic(get.getModifiers())
                    || Modifier.isStatic(set.getModifiers())) {
                return null;
            }
            return bound(type, get, set);
        } catch (NoSuchMethodException | IllegalAccessException | SecurityException e) {
            return null;
        }
    }

    /** Generated lambdas where possible ({@link AccessorLambdas}). */
    private static AdditionalPropertiesAccessor bound(Class<?> type, Method get, Method set)
            throws IllegalAccessException {
        return new AdditionalPropertiesAccessor(type, AccessorLambdas.getter(type, get), AccessorLambdas.setter(type, set));
    }

    /** The fallback: the public methods' handles, called as they are (package-private for its test). */
    static AdditionalPropertiesAccessor unbound(Class<?> type, Method get, Method set) throws IllegalAccessException {
        return new AdditionalPropertiesAccessor(type, AccessorLambdas.unboundGetter(type, get),
                AccessorLambdas.unboundSetter(type, set));
    }

    /** The type whose methods this accessor calls. */
    Class<?> type() {
        return type;
    }

    /**
     * Replaces {@code bean}'s map by {@link #SHARED_EMPTY} when it is empty; a map holding unknown fields is left
     * as it is. Returns {@code bean}; anything that is not an instance of {@link #type()} (null) passes unchanged.
     */
    Object share(Object bean) {
        if (type.isInstance(bean)) {
            Map<?, ?> map = getter.apply(bean);
            if (map != null && map != SHARED_EMPTY && map.isEmpty()) {
                setter.accept(bean, SHARED_EMPTY);
            }
        }
        return bean;
    }

    /**
     * Gives {@code bean} a fresh mutable map when it holds the shared one, so that Jackson can update it in place
     * (its any-setter puts unknown fields into the map).
     */
    void unshare(Object bean) {
        if (type.isInstance(bean) && getter.apply(bean) == SHARED_EMPTY) {
            setter.accept(bean, new LinkedHashMap<>());
        }
    }
}
