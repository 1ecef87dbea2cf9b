package io.kreactor.dynamic.apply;

import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.Unstructured;
import java.util.Locale;
import java.util.Objects;

/**
 * What happened to one object of a manifest, like a line of {@code kubectl apply --server-side} output.
 *
 * @param index     the object's position in the manifest, from 0, after {@code List}s were flattened
 * @param kind      the object's group, version and kind
 * @param namespace its namespace (the default one when the manifest named none), or null for cluster-scoped objects
 * @param name      its name
 * @param action    created, configured, unchanged or failed
 * @param object    the object as the server stored it, or null when the apply failed
 * @param error     why the apply failed (an unknown kind, the server's Status), or null
 */
public record ApplyResult(int index, GroupVersionKind kind, String namespace, String name, Action action,
                          Unstructured object, Throwable error) {

    /** The outcome of applying one object. */
    public enum Action {
        /** The object did not exist and was created. */
        CREATED,
        /** The object existed and the apply changed it. */
        CONFIGURED,
        /** The object existed and the apply changed nothing (its resourceVersion stayed the same). */
        UNCHANGED,
        /** The apply failed; see {@link ApplyResult#error()}. */
        FAILED
    }

    /** Validates that kind and action are present and that an error comes exactly with {@link Action#FAILED}. */
    public ApplyResult {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(action, "action");
        if ((action == Action.FAILED) != (error != null)) {
            throw new IllegalArgumentException("an error must come with FAILED and only with it");
        }
    }

    /** Whether the object was applied. */
    public boolean isSuccess() {
        return action != Action.FAILED;
    }

    /** kubectl's line: {@code deployment.apps/web created}, or the error after the object's name. */
    @Override
    public String toString() {
        String group = kind.group().isEmpty() ? "" : "." + kind.group();
        String id = kind.kind().toLowerCase(Locale.ROOT) + group + "/" + name + (namespace == null ? "" : " -n " + namespace);
        return action == Action.FAILED ? id + " failed: " + error.getMessage() : id + " " + action.name().toLowerCase(Locale.ROOT);
    }
}
