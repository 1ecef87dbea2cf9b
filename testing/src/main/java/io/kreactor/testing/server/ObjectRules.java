package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The per-object rules of the API server's registry strategies: request/body consistency checks, name
 * validation, {@code generateName}, system metadata on create, what an update may not change, when
 * {@code metadata.generation} moves, and the few kind-specific defaults clients rely on.
 */
final class ObjectRules {

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final String SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private ObjectRules() {
    }

    /** Checks kind/apiVersion and the namespace of a request body against the URL, filling them in when absent. */
    static void checkBody(ResourceRequest request, ObjectNode body) {
        ResourceType type = request.type();
        String kind = Json.text(body, "kind");
        if (kind != null && !kind.isEmpty() && !kind.equals(type.kind())) {
            throw ApiError.badRequest("the body's kind " + kind + " does not match the resource " + type.plural()
                    + " (kind " + type.kind() + ")");
        }
        String apiVersion = Json.text(body, "apiVersion");
        String expected = type.apiVersion(request.version());
        if (apiVersion != null && !apiVersion.isEmpty() && !apiVersion.equals(expected)) {
            throw ApiError.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + expected + ")");
        }
        body.put("kind", type.kind()).put("apiVersion", expected);
        ObjectNode meta = Json.meta(body);
        if (type.namespaced()) {
            String ns = Json.text(meta, "namespace");
            if (ns != null && !ns.isEmpty() && !ns.equals(request.namespace())) {
                throw ApiError.badRequest("the namespace of the provided object does not match the namespace sent "
                        + "on the request");
            }
            meta.put("namespace", request.namespace());
        } else {
            meta.remove("namespace");
        }
        if (request.name() != null) {
            String name = Json.text(meta, "name");
            if (name != null && !name.isEmpty() && !name.equals(request.name())) {
                throw ApiError.badRequest("the name of the object (" + name + ") does not match the name on the URL ("
                        + request.name() + ")");
            }
            meta.put("name", request.name());
        }
    }

    /** Resolves {@code generateName} and validates the name of an object about to be created. */
    static String nameForCreate(ResourceType type, ObjectNode body) {
        ObjectNode meta = Json.meta(body);
        String name = Json.text(meta, "name");
        if (name == null || name.isEmpty()) {
            String prefix = Json.text(meta, "generateName");
            if (prefix == null || prefix.isEmpty()) {
                throw ApiError.invalidField(type, "", "metadata.name", "FieldValueRequired",
                        "Required value: name or generateName is required");
            }
            name = prefix + randomSuffix();
            meta.put("name", name);
        }
        validateName(type, name);
        return name;
    }

    static void validateName(ResourceType type, String name) {
        boolean label = type.plural().equals("namespaces");
        boolean ok = label ? name.length() <= 63 && DNS_LABEL.matcher(name).matches()
                : name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
        if (!ok) {
            String rule = label
                    ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must "
                    + "start and end with an alphanumeric character"
                    : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', "
                    + "and must start and end with an alphanumeric character";
            throw ApiError.invalidField(type, name, "metadata.name", "FieldValueInvalid",
                    "Invalid value: \"" + name + "\": " + rule);
        }
    }

    /**
     * A version-4 UUID from {@link ThreadLocalRandom}: {@code UUID.randomUUID()} reads {@code /dev/urandom}, which is
     * blocking I/O on the event loop this runs on.
     */
    private static UUID randomUid() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }

    private static String randomSuffix() {
        StringBuilder out = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            out.append(SUFFIX_ALPHABET.charAt(ThreadLocalRandom.current().nextInt(SUFFIX_ALPHABET.length())));
        }
        return out.toString();
    }

    /** System metadata and defaults of a new object. */
    static void prepareForCreate(ResourceType type, ObjectNode object, String now) {
        ObjectNode meta = Json.meta(object);
        meta.put("uid", randomUid().toString());
        meta.put("creationTimestamp", now);
        meta.remove("resourceVersion");
        meta.remove("deletionTimestamp");
        meta.remove("deletionGracePeriodSeconds");
        meta.remove("selfLink");
        if (tracksGeneration(type, object)) {
            meta.put("generation", 1);
        } else {
            meta.remove("generation");
        }
        if (type.statusSubresource()) {
            object.remove("status");
        }
        KindDefaults.onCreate(type, object);
    }

    /**
     * Builds the stored form of an update: the body, with the system metadata of {@code current}, the current
     * status when the status belongs to the subresource, and {@code generation} bumped when the spec changed.
     */
    static ObjectNode prepareForUpdate(ResourceType type, ObjectNode current, ObjectNode body) {
        ObjectNode updated = body.deepCopy();
        ObjectNode meta = Json.meta(updated);
        JsonNode currentMeta = current.get("metadata");
        for (String field : new String[] {"uid", "creationTimestamp", "deletionTimestamp",
                "deletionGracePeriodSeconds", "generation", "name", "namespace"}) {
            JsonNode value = currentMeta.get(field);
            if (value == null) {
                meta.remove(field);
            } else {
                meta.set(field, value);
            }
        }
        meta.remove("selfLink");
        if (type.statusSubresource()) {
            copyField(current, updated, "status");
        }
        bumpGenerationIfSpecChanged(type, current, updated);
        return updated;
    }

    /** The stored form of a status-subresource write: the current object with only the new status. */
    static ObjectNode prepareForStatusUpdate(ObjectNode current, ObjectNode body) {
        ObjectNode updated = current.deepCopy();
        copyField(body, updated, "status");
        return updated;
    }

    static void bumpGenerationIfSpecChanged(ResourceType type, ObjectNode current, ObjectNode updated) {
        if (!tracksGeneration(type, updated) && !tracksGeneration(type, current)) {
            return;
        }
        if (!withoutMetadataAndStatus(current).equals(withoutMetadataAndStatus(updated))) {
            long generation = current.path("metadata").path("generation").asLong(0);
            Json.meta(updated).put("generation", generation + 1);
        } else if (current.path("metadata").has("generation")) {
            Json.meta(updated).set("generation", current.path("metadata").get("generation"));
        }
    }

    /** Whether an update changes nothing a client could see (so the real server skips the write). */
    static boolean unchanged(ObjectNode current, ObjectNode updated) {
        ObjectNode a = current.deepCopy();
        ObjectNode b = updated.deepCopy();
        for (ObjectNode o : new ObjectNode[] {a, b}) {
            Json.meta(o).remove("resourceVersion");
            Json.meta(o).remove("managedFields");
        }
        return a.equals(b);
    }

    /**
     * Objects with a spec have a generation, as do custom resources; config-like kinds (ConfigMap, Secret) do not.
     */
    private static boolean tracksGeneration(ResourceType type, ObjectNode object) {
        return object.has("spec") || !BuiltinKinds.isBuiltin(type);
    }

    private static ObjectNode withoutMetadataAndStatus(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove("metadata");
        copy.remove("status");
        copy.remove("kind");
        copy.remove("apiVersion");
        return copy;
    }

    private static void copyField(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null) {
            to.remove(field);
        } else {
            to.set(field, value.deepCopy());
        }
    }

    /** Whether the built-in table defines this type (as opposed to a CRD). */
    static final class BuiltinKinds {
        private static final java.util.Set<String> KEYS = new java.util.HashSet<>();

        static {
            for (ResourceType t : BuiltinResources.all()) {
                KEYS.add(ResourceRegistry.key(t.group(), t.plural()));
            }
        }

        private BuiltinKinds() {
        }

        static boolean isBuiltin(ResourceType type) {
            return KEYS.contains(ResourceRegistry.key(type.group(), type.plural()));
        }
    }
}
