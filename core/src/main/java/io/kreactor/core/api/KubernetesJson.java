package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * The one Jackson {@link ObjectMapper} configuration used for Kubernetes JSON everywhere in this library.
 *
 * <p>Settings follow what the API server expects and sends: unknown fields are ignored (servers add fields
 * in every release), nulls are not written (an absent field and a null one differ in a merge patch), and
 * times are RFC 3339 strings.
 *
 * <p>Binding goes through Jackson's Blackbird module, which replaces reflective setter and constructor calls
 * with generated lambdas: model objects such as fabric8's are bound a few per cent faster, with the same
 * results (Blackbird falls back to reflection wherever it cannot generate an accessor).
 */
public final class KubernetesJson {

    private static final ObjectMapper MAPPER = newMapper();

    private KubernetesJson() {
    }

    /** The shared, fully configured mapper. Thread-safe; do not reconfigure it — call {@link #newMapper()}. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A module that binds every JSON string through a small fixed-size table of recent values, so a value
     * that repeats across decoded objects (a namespace, a label value, an image, {@code "True"}) is one shared
     * {@link String} instance. It makes caches of many similar objects about a fifth smaller and costs 10–16 %
     * more decode time, so {@link #mapper()} leaves it out and the informers add it for what they cache.
     */
    public static Module sharedStringsModule() {
        return new SimpleModule("kreactor-shared-strings").addDeserializer(String.class, new SharedStringDeserializer())
                .setDeserializerModifier(LambdaSetterProperty.installer());
    }

    /**
     * A module that replaces the empty collections of each decoded model object by shared immutable empty ones:
     * the {@code additionalProperties} map, and every list or map property (a public {@code List} or {@code Map}
     * getter with a matching setter) left empty; a filled {@code ArrayList} is trimmed to its size. Every fabric8
     * model object starts with a map of its own that only unknown fields fill, and with a new list for each list
     * field: a typical decoded Pod holds 35 such maps and about 40 such lists, all empty — a third of its objects.
     * A map that holds unknown fields is left as it is, and decoded objects are {@code equals} to, and serialize
     * like, those of {@link #mapper()}. A value that its class binds with a deserializer of its own from a JSON
     * string — fabric8's {@code Quantity}, {@code "250m"} — is one shared object per text
     * ({@link SharedTextValueDeserializer}); for the benchmark's Pods, with six quantities each, binding
     * allocates about a sixth less and a cached Pod holds about an eighth less. Objects of a plain data class
     * whose constructor only sets constants and new empty collections (nearly every fabric8 model class) are created
     * without running it and given those values directly, the collections as the shared empty ones
     * ({@link PresetFields}): binding then no longer makes, and drops, a collection per list or map field of
     * every object — 9.8 against 6.3 KB allocated per benchmark Pod.
     *
     * <p>The price is that {@code setAdditionalProperty}, or adding to an empty list of such an object throws
     * {@link UnsupportedOperationException}, and binding takes about a quarter more CPU (every list and map property
     * of every object is looked at), which an informer's cache gets back in garbage collection of a third fewer
     * objects: the module is for read-only
     * objects, such as an informer's cache, and {@link #mapper()} leaves it out. A copy made with a fabric8
     * builder ({@code new PodBuilder(pod).build()}, {@code pod.edit()}) has mutable collections again — except in
     * the {@code Quantity} values of resource maps, which fabric8's builders do not copy but share with the
     * original (and which are shared between decoded objects).
     */
    public static Module sharedEmptyCollectionsModule() {
        return new SharedEmptyCollectionsModule();
    }

    /**
     * A module that makes equal {@code metadata.managedFields[].fieldsV1} values one shared object, and binds a
     * value it has seen before from no more than its tokens. The field-ownership trees that server-side apply
     * records are often larger than the rest of an object, and the objects of one workload repeat them: every Pod
     * of a ReplicaSet has the same trees from the same managers. A recent tree (from a fixed-size table, per
     * mapper) is recognized by its tokens and hash while they are read, so its maps are never built again; a new
     * tree costs one extra pass over its tokens. A Pod cached with shared trees is about a quarter smaller, and
     * binding a LIST of such Pods costs no more than without the module (5,000 generated Pods on one thread:
     * 80 ms with shared strings alone, 78 ms with shared trees as well).
     *
     * <p>Applies to every bean property named {@code fieldsV1} (fabric8's {@code ManagedFieldsEntry}); values
     * are shared between objects, so, like {@link #sharedEmptyCollectionsModule()}, the module is for read-only
     * objects such as an informer's cache, and {@link #mapper()} leaves it out.
     */
    public static Module sharedManagedFieldsModule() {
        return new SimpleModule("kreactor-shared-managed-fields")
                .setDeserializerModifier(new SharedManagedFieldsModifier());
    }

    /** A new mapper with the same configuration, for callers that need to add modules of their own. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                // Null properties are left out, but a null Map entry is written: in a merge patch built as a
                // Map, {"labels":{"app":null}} is how a caller deletes a key.
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS))
                .addModule(new JavaTimeModule())
                .addModule(new BlackbirdModule())
                .build();
    }
}
