package io.kreactor.core.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@code additionalProperties} map, and the list properties, of every fabric8 model object reachable
 * from a root object.
 */
final class ModelMaps {

    /** One model object and the map it holds. */
    record Found(Object owner, Map<?, ?> map) {
    }

    private ModelMaps() {
    }

    /** Every model object under {@code root} (itself included) with its {@code additionalProperties}. */
    static List<Found> of(Object root) {
        List<Found> found = new ArrayList<>();
        walk(root, found, new ArrayList<>(), Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    /** The value of every non-null list property of every model object under {@code root}, once per property. */
    static List<List<?>> lists(Object root) {
        List<List<?>> lists = new ArrayList<>();
        walk(root, new ArrayList<>(), lists, Collections.newSetFromMap(new IdentityHashMap<>()));
        return lists;
    }

    /** The simple names of the model types found under {@code root}. */
    static Set<String> typeNames(List<Found> found) {
        Set<String> names = new java.util.TreeSet<>();
        found.forEach(f -> names.add(f.owner().getClass().getSimpleName()));
        return names;
    }

    private static void walk(Object value, List<Found> found, List<List<?>> lists, Set<Object> seen) {
        if (value == null || !seen.add(value)) {
            return;
        }
        if (value instanceof Collection<?> collection) {
            collection.forEach(element -> walk(element, found, lists, seen));
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(element -> walk(element, found, lists, seen));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getName().equals("getClass")) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                found.add(new Found(value, (Map<?, ?>) property));
            } else {
                if (property instanceof List<?> list) {
                    lists.add(list);
                }
                walk(property, found, lists, seen);
            }
        }
    }

    private static Object invoke(Method getter, Object owner) {
        try {
            return getter.invoke(owner);
        } catch (InvocationTargetException e) {
            return null; // a computed getter (Quantity's numerical amount) that does not apply to this value
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
