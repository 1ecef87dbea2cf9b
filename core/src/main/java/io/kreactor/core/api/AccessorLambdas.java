package io.kreactor.core.api;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Binds a model type's public getter or setter into a generated lambda, as Blackbird binds setters, for the
 * accessors that run on every decoded object ({@link AdditionalPropertiesAccessor},
 * {@link EmptyCollectionsAccessor}): a method handle held in a field is not a constant the JIT can inline, and
 * calls through one cost about twice as much. The lambda is generated in the model's own package (so methods of
 * non-public classes work too); where that is not possible, the public method's handle is called as it is.
 */
final class AccessorLambdas {

    private AccessorLambdas() {
    }

    /** {@code bean -> bean.get()}, returning {@code get}'s declared type. */
    @SuppressWarnings("unchecked")
    static <V> Function<Object, V> getter(Class<?> type, Method get) throws IllegalAccessException {
        Class<?> value = get.getReturnType();
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return (Function<Object, V>) LambdaMetafactory.metafactory(lookup, "apply",
                    MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                    lookup.unreflect(get), MethodType.methodType(value, type)).getTarget().invokeExact();
        } catch (Throwable t) {
            // no lookup in the model's package, a LambdaConversionException or a linkage problem
            return unboundGetter(type, get);
        }
    }

    /** {@code (bean, v) -> bean.set(v)}, taking {@code set}'s one declared parameter type. */
    @SuppressWarnings("unchecked")
    static <V> BiConsumer<Object, V> setter(Class<?> type, Method set) throws IllegalAccessException {
        Class<?> value = set.getParameterTypes()[0];
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
            return (BiConsumer<Object, V>) LambdaMetafactory.metafactory(lookup, "accept",
                    MethodType.methodType(BiConsumer.class), MethodType.methodType(void.class, Object.class, Object.class),
                    lookup.unreflect(set), MethodType.methodType(void.class, type, value)).getTarget().invokeExact();
        } catch (Throwable t) {
            return unboundSetter(type, set);
        }
    }

    /** The fallback getter: the public method's handle, called as it is. */
    @SuppressWarnings("unchecked")
    static <V> Function<Object, V> unboundGetter(Class<?> type, Method get) throws IllegalAccessException {
        MethodHandle handle = MethodHandles.publicLookup().unreflect(get)
                .asType(MethodType.methodType(Object.class, Object.class));
        return bean -> {
            try {
                return (V) (Object) handle.invokeExact(bean);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("cannot call " + type.getName() + "." + get.getName(), t);
            }
        };
    }

    /** The fallback setter: the public method's handle, called as it is. */
    static <V> BiConsumer<Object, V> unboundSetter(Class<?> type, Method set) throws IllegalAccessException {
        MethodHandle handle = MethodHandles.publicLookup().unreflect(set)
                .asType(MethodType.methodType(void.class, Object.class, Object.class));
        return (bean, value) -> {
            try {
                handle.invokeExact(bean, (Object) value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("cannot call " + type.getName() + "." + set.getName(), t);
            }
        };
    }
}
