package io.kreactor.informers.reconcile;

import java.util.Objects;

/**
 * A key split into namespace and name, client-go's {@code cache.SplitMetaNamespaceKey}: {@code ns/name} for
 * namespaced objects, {@code name} for cluster-scoped ones.
 *
 * @param namespace the namespace, or the empty string for cluster-scoped objects
 * @param name      the object name
 */
public record ObjectKey(String namespace, String name) {

    /** Validates the parts; the name must be non-empty and neither part may contain a slash. */
    public ObjectKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || namespace.contains("/")) {
            throw new IllegalArgumentException("invalid object key parts: namespace '" + namespace + "', name '" + name + "'");
        }
    }

    /**
     * Splits {@code key}.
     *
     * @throws IllegalArgumentException naming the key when it has more than one slash or an empty part
     */
    public static ObjectKey parse(String key) {
        Objects.requireNonNull(key, "key");
        int slash = key.indexOf('/');
        if (slash < 0) {
            return new ObjectKey("", key);
        }
        if (slash == 0 || key.indexOf('/', slash + 1) >= 0) {
            throw new IllegalArgumentException("unexpected key format '" + key + "': expected 'namespace/name' or 'name'");
        }
        return new ObjectKey(key.substring(0, slash), key.substring(slash + 1));
    }

    /** Builds the key of an object in {@code namespace} (null or empty for cluster scope) named {@code name}. */
    public static String of(String namespace, String name) {
        return new ObjectKey(namespace == null ? "" : namespace, name).toString();
    }

    /** True for keys of cluster-scoped objects. */
    public boolean isClusterScoped() {
        return namespace.isEmpty();
    }

    /** The key form: {@code namespace/name} or {@code name}. */
    @Override
    public String toString() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
