package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code CustomResourceDefinition} (apiextensions.k8s.io/v1) into a {@link ResourceType}, and fills in
 * the status the real apiextensions controller would (names accepted, Established).
 */
final class CrdTypes {

    private CrdTypes() {
    }

    /** The type a CRD defines; a 422 naming the field when the definition is unusable. */
    static ResourceType toResourceType(ResourceType crdType, ObjectNode crd) {
        String crdName = Json.name(crd);
        JsonNode spec = crd.path("spec");
        String group = spec.path("group").asText("");
        JsonNode names = spec.path("names");
        String plural = names.path("plural").asText("");
        String kind = names.path("kind").asText("");
        if (group.isEmpty()) {
            throw ApiError.invalidField(crdType, crdName, "spec.group", "FieldValueRequired", "Required value");
        }
        if (plural.isEmpty()) {
            throw ApiError.invalidField(crdType, crdName, "spec.names.plural", "FieldValueRequired", "Required value");
        }
        if (kind.isEmpty()) {
            throw ApiError.invalidField(crdType, crdName, "spec.names.kind", "FieldValueRequired", "Required value");
        }
        if (!(plural + "." + group).equals(crdName)) {
            throw ApiError.invalidField(crdType, crdName, "metadata.name", "FieldValueInvalid",
                    "Invalid value: \"" + crdName + "\": must be spec.names.plural+\".\"+spec.group");
        }
        List<String> served = new ArrayList<>();
        String storage = null;
        JsonNode status = null;
        JsonNode scale = null;
        List<String> selectable = new ArrayList<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(true)) {
                continue;
            }
            String name = version.path("name").asText();
            if (version.path("storage").asBoolean(false)) {
                storage = name;
            }
            served.add(name);
            JsonNode sub = version.path("subresources");
            status = status != null ? status : sub.get("status");
            scale = scale != null ? scale : sub.get("scale");
            for (JsonNode field : version.path("selectableFields")) {
                String path = field.path("jsonPath").asText("");
                selectable.add(path.startsWith(".") ? path.substring(1) : path);
            }
        }
        if (served.isEmpty()) {
            throw ApiError.invalidField(crdType, crdName, "spec.versions", "FieldValueRequired",
                    "Required value: must have at least one served version");
        }
        if (storage != null) {
            served.remove(storage);
            served.add(0, storage);
        }
        ResourceType.ScaleSubresource scaleSub = scale == null ? null : new ResourceType.ScaleSubresource(
                strip(scale.path("specReplicasPath").asText(".spec.replicas")),
                strip(scale.path("statusReplicasPath").asText(".status.replicas")),
                scale.hasNonNull("labelSelectorPath") ? strip(scale.get("labelSelectorPath").asText()) : null);
        return new ResourceType(group, served, plural, names.path("singular").asText(kind.toLowerCase()), kind,
                strings(names.path("shortNames")), strings(names.path("categories")),
                !"Cluster".equals(spec.path("scope").asText("Namespaced")), ResourceType.ALL_VERBS,
                status != null, scaleSub, selectable);
    }

    /** The {@code openAPIV3Schema} of the storage version (else the first version), or null. */
    static JsonNode storageSchema(ObjectNode crd) {
        JsonNode chosen = null;
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode schema = version.path("schema").get("openAPIV3Schema");
            if (schema != null && (chosen == null || version.path("storage").asBoolean(false))) {
                chosen = schema;
            }
        }
        return chosen;
    }

    /** Status of an accepted, established CRD: what clients wait for before using the new resource. */
    static void establish(ObjectNode crd) {
        ObjectNode status = crd.putObject("status");
        JsonNode names = crd.path("spec").path("names");
        ObjectNode accepted = status.putObject("acceptedNames");
        accepted.setAll(names.isObject() ? ((ObjectNode) names).deepCopy() : Json.MAPPER.createObjectNode());
        if (!accepted.has("singular")) {
            accepted.put("singular", names.path("kind").asText("").toLowerCase());
        }
        if (!accepted.has("listKind")) {
            accepted.put("listKind", names.path("kind").asText("") + "List");
        }
        ArrayNode conditions = status.putArray("conditions");
        String now = Json.text(crd.path("metadata"), "creationTimestamp");
        for (String type : new String[] {"NamesAccepted", "Established"}) {
            ObjectNode c = conditions.addObject();
            c.put("type", type).put("status", "True").put("lastTransitionTime", now);
            c.put("reason", type.equals("Established") ? "InitialNamesAccepted" : "NoConflicts");
            c.put("message", type.equals("Established") ? "the initial names have been accepted"
                    : "no conflicts found");
        }
        ArrayNode stored = status.putArray("storedVersions");
        for (JsonNode version : crd.path("spec").path("versions")) {
            if (version.path("storage").asBoolean(false)) {
                stored.add(version.path("name").asText());
            }
        }
    }

    private static String strip(String jsonPath) {
        return jsonPath.startsWith(".") ? jsonPath.substring(1) : jsonPath;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode node : array) {
            out.add(node.asText());
        }
        return out;
    }
}
