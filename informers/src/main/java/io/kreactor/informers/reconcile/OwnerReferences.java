package io.kreactor.informers.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.MetadataAccessors;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads {@code metadata.ownerReferences} from any object: a Jackson tree, an
 * {@link MetadataAccessors.UnstructuredMetadata}, or a bean with {@code getMetadata()} (a fabric8 model
 * type, for instance), whose metadata is converted to a tree with the shared mapper — only the metadata, not
 * the whole object.
 */
public final class OwnerReferences {

    private static final ClassValue<Optional<MethodHandle>> GET_METADATA = new ClassValue<>() {
        @Override
        protected Optional<MethodHandle> computeValue(Class<?> type) {
            try {
                MethodHandle handle = MethodHandles.publicLookup().unreflect(type.getMethod("getMetadata"));
                return Optional.of(handle.asType(MethodType.methodType(Object.class, Object.class)));
            } catch (ReflectiveOperationException | SecurityException e) {
                return Optional.empty();
            }
        }
    };

    private OwnerReferences() {
    }

    /** The owner references of {@code object}, in their order; empty when it has none. */
    public static List<OwnerReference> of(Object object) {
        Objects.requireNonNull(object, "object");
        JsonNode refs = metadata(object).path("ownerReferences");
        if (!refs.isArray()) {
            return List.of();
        }
        List<OwnerReference> result = new ArrayList<>(refs.size());
        for (JsonNode ref : refs) {
            result.add(new OwnerReference(text(ref, "apiVersion"), text(ref, "kind"), text(ref, "name"), text(ref, "uid"),
                    ref.path("controller").asBoolean(false), ref.path("blockOwnerDeletion").asBoolean(false)));
        }
        return result;
    }

    /** The reference marked {@code controller: true}, if any. */
    public static Optional<OwnerReference> controllerOf(Object object) {
        return of(object).stream().filter(OwnerReference::controller).findFirst();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static JsonNode metadata(Object object) {
        if (object instanceof JsonNode node) {
            return node.path("metadata");
        }
        if (object instanceof MetadataAccessors.UnstructuredMetadata unstructured) {
            JsonNode meta = unstructured.metadataNode();
            return meta == null ? KubernetesJson.mapper().missingNode() : meta;
        }
        Optional<MethodHandle> getMetadata = GET_METADATA.get(object.getClass());
        if (getMetadata.isPresent()) {
            Object meta;
            try {
                meta = getMetadata.get().invokeExact(object);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException("reading metadata of " + object.getClass().getName() + " failed", t);
            }
            return meta == null ? KubernetesJson.mapper().missingNode() : KubernetesJson.mapper().valueToTree(meta);
        }
        return KubernetesJson.mapper().valueToTree(object).path("metadata");
    }
}
