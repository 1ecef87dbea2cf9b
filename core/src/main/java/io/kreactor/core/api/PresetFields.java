package io.kreactor.core.api;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Creates objects of one model type without running its constructor: a blank instance, given the field values
 * that an object bound from {@code {}} ends with under {@link KubernetesJson#sharedEmptyCollectionsModule()} —
 * constants such as a Pod's {@code apiVersion} and {@code kind}, and the shared immutable empty lists and maps.
 *
 * <p>Why: a fabric8 model constructor makes a new {@code ArrayList} for every list field and a new
 * {@code LinkedHashMap} for {@code additionalProperties} and every map field, and the sharing module replaces
 * each of them after binding — by the JSON's value or by a shared empty one. Those never-used collections were
 * over a third of what binding a Pod allocated. A blank instance comes from the JVM's serialization constructor
 * ({@code sun.reflect.ReflectionFactory}, which serialization libraries use for the same purpose), which runs
 * only {@code Object}'s constructor.
 *
 * <p>A type qualifies only when this gives exactly the object its constructor would: two instances made by the
 * public no-argument constructor, after the sharing module's pass, must hold in every field either the default
 * value or one and the same immutable value (a {@code String}, a boxed primitive, an enum constant, a shared
 * empty collection), each set through a public setter named after the field, and a blank instance given those
 * values must then equal them field for field. A constructor that computes a value per instance (a new string,
 * a mutable object) disqualifies its type, which keeps its constructor. What no check can see is a constructor
 * with side effects beyond its fields; the module is meant for plain data classes such as the Kubernetes model.
 */
final class PresetFields {

    /** Marks a type that does not qualify ({@link ClassValue} holds no nulls). */
    private static final PresetFields NONE = new PresetFields(null, null, null);

    private static final ClassValue<PresetFields> PRESETS = new ClassValue<>() {
        @Override
        protected PresetFields computeValue(Class<?> type) {
            PresetFields preset = lookUp(type);
            return preset == null ? NONE : preset;
        }
    };

    /** Passed to every call: a varargs call with no arguments would allocate an empty array each time. */
    private static final Object[] NO_ARGUMENTS = new Object[0];

    private final Constructor<?> blank;
    private final BiConsumer<Object, Object>[] setters;
    private final Object[] values;

    private PresetFields(Constructor<?> blank, BiConsumer<Object, Object>[] setters, Object[] values) {
        this.blank = blank;
        this.setters = setters;
        this.values = values;
    }

    /** The presets of {@code type}, or null when it does not qualify (see the class comment). */
    static PresetFields find(Class<?> type) {
        PresetFields preset = PRESETS.get(type);
        return preset == NONE ? null : preset;
    }

    /** A new blank instance holding the preset values. */
    Object newInstance() throws ReflectiveOperationException {
        Object bean = blank.newInstance(NO_ARGUMENTS);
        for (int i = 0; i < setters.length; i++) {
            setters[i].accept(bean, values[i]);
        }
        return bean;
    }

    private static PresetFields lookUp(Class<?> type) {
        AdditionalPropertiesAccessor additional = AdditionalPropertiesAccessor.find(type);
        if (additional == null || Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            Object first = shared(type, additional, constructor.newInstance());
            Object second = shared(type, additional, constructor.newInstance());
            List<Field> fields = instanceFields(type);
            List<BiConsumer<Object, Object>> setters = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (Field field : fields) {
                Object value = field.get(first);
                if (value == null || field.getType().isPrimitive()) {
                    // a blank object holds null or zero; the probe below rejects a primitive set to anything else
                    continue;
                }
                Method set = type.getMethod(setterName(field), field.getType());
                if (value != field.get(second) || !isImmutable(value)
                        || Modifier.isStatic(set.getModifiers()) || set.getReturnType() != void.class) {
                    return null;
                }
                setters.add(AccessorLambdas.setter(type, set));
                values.add(value);
            }
            Constructor<?> blank = blankConstructor(type);
            @SuppressWarnings("unchecked")
            PresetFields preset = new PresetFields(blank, setters.toArray(new BiConsumer[0]), values.toArray());
            Object probe = preset.newInstance();
            for (Field field : fields) {
                // a setter that does more than assign, or a field no setter reaches, shows here
                if (!same(field, field.get(probe), field.get(first))) {
                    return null;
                }
            }
            return preset;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // no public no-argument constructor, a field this module may not read, a missing setter
            return null;
        }
    }

    /** A constructed object after the sharing module's pass, as an object bound from {@code {}} ends. */
    private static Object shared(Class<?> type, AdditionalPropertiesAccessor additional, Object bean) {
        return EmptyCollectionsAccessor.of(type).share(additional.share(bean));
    }

    private static List<Field> instanceFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true); // throws for a class in a module closed to this one
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** Primitive values (boxed afresh by each read) compare by value, references by identity. */
    private static boolean same(Field field, Object a, Object b) {
        return field.getType().isPrimitive() ? a.equals(b) : a == b;
    }

    private static boolean isImmutable(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof Double || value instanceof Float || value instanceof Enum<?>
                || value == Collections.emptyList() || value == Collections.emptyMap()
                || value == AdditionalPropertiesAccessor.SHARED_EMPTY;
    }

    /**
     * {@code type}'s serialization constructor: it allocates a {@code type} and runs only {@code Object}'s
     * constructor. Looked up reflectively so that a JVM without {@code jdk.unsupported} leaves every type to its
     * own constructor rather than failing.
     */
    private static Constructor<?> blankConstructor(Class<?> type) throws ReflectiveOperationException {
        Class<?> factoryType = Class.forName("sun.reflect.ReflectionFactory");
        Object factory = factoryType.getMethod("getReflectionFactory").invoke(null);
        Method forSerialization = factoryType.getMethod("newConstructorForSerialization", Class.class,
                Constructor.class);
        Constructor<?> blank = (Constructor<?>) forSerialization.invoke(factory, type,
                Object.class.getDeclaredConstructor());
        blank.setAccessible(true); // no access check, and no look-up of the caller, on every call
        return blank;
    }

    private static String setterName(Field field) {
        String name = field.getName();
        return "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
