package io.kreactor.informers.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.core.api.Unstructured;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Ready-made transforms for an informer's cache (client-go's {@code TransformFunc}): they run once per
 * object before it is queued and cached, and may change the freshly decoded object in place.
 */
public final class Transforms {

    private Transforms() {
    }

    /**
     * Drops {@code metadata.managedFields}, which server-side apply fills with bookkeeping that is often
     * larger than the object and that controllers rarely read — the transform client-go users install most.
     * Works for Jackson trees ({@link JsonNode}, changed in place), for {@link Unstructured} (immutable, so a
     * trimmed copy is returned), for other untyped objects whose {@link MetadataAccessors.UnstructuredMetadata#metadataNode()}
     * is their live tree (changed in place), and for typed objects whose {@code getMetadata()} returns a bean
     * with {@code setManagedFields(List)} (fabric8's {@code ObjectMeta}, changed in place).
     *
     * @throws IllegalArgumentException naming {@code type} when it is none of these
     */
    public static <T> UnaryOperator<T> dropManagedFields(Class<T> type) {
        Objects.requireNonNull(type, "type");
        if (JsonNode.class.isAssignableFrom(type)) {
            return o -> {
                removeManagedFields(((JsonNode) o).path("metadata"));
                return o;
            };
        }
        if (Unstructured.class.isAssignableFrom(type)) {
            // Unstructured is immutable: rebuild it (two tree copies), but only when there is something to drop.
            return o -> {
                Unstructured u = (Unstructured) o;
                if (!u.metadataNode().has("managedFields")) {
                    return o;
                }
                ObjectNode tree = u.toJsonNode();
                removeManagedFields(tree.path("metadata"));
                return type.cast(Unstructured.of(tree));
            };
        }
        if (MetadataAccessors.UnstructuredMetadata.class.isAssignableFrom(type)) {
            return o -> {
                removeManagedFields(((MetadataAccessors.UnstructuredMetadata) o).metadataNode());
                return o;
            };
        }
        MethodHandle getMetadata;
        MethodHandle setManagedFields;
        try {
            var getter = type.getMethod("getMetadata");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            getMetadata = lookup.unreflect(getter).asType(MethodType.methodType(Object.class, Object.class));
            setManagedFields = lookup.unreflect(getter.getReturnType().getMethod("setManagedFields", List.class))
                    .asType(MethodType.methodType(void.class, Object.class, List.class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(type.getName() + " has no getMetadata() whose metadata has setManagedFields(List); "
                    + "dropManagedFields works for fabric8 model types, JsonNode and UnstructuredMetadata", e);
        }
        return o -> {
            try {
                Object meta = getMetadata.invokeExact((Object) o);
                if (meta != null) {
                    setManagedFields.invokeExact(meta, (List<?>) null);
                }
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
            return o;
        };
    }

    private static void removeManagedFields(JsonNode metadata) {
        if (metadata instanceof ObjectNode meta) {
            meta.remove("managedFields");
        }
    }
}
