package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * A minimal OpenAPI v3 surface: the {@code /openapi/v3} index and, per group version, a document that lists each
 * resource's PATCH operation with its {@code x-kubernetes-group-version-kind} and the {@code fieldValidation}
 * parameter. That is exactly what kubectl's field-validation check reads before {@code create -f} and
 * {@code apply}: finding the parameter, kubectl leaves validation to the server (and sends
 * {@code fieldValidation=Strict}) instead of validating against full schemas, which this server does not publish.
 */
final class OpenApi {

    private final ResourceRegistry registry;

    OpenApi(ResourceRegistry registry) {
        this.registry = registry;
    }

    ObjectNode index() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        ObjectNode paths = root.putObject("paths");
        for (Map.Entry<String, List<String>> group : registry.groups().entrySet()) {
            for (String version : group.getValue()) {
                String path = group.getKey().isEmpty() ? "api/" + version : "apis/" + group.getKey() + "/" + version;
                paths.putObject(path).put("serverRelativeURL", "/openapi/v3/" + path + "?hash="
                        + Integer.toHexString(document(group.getKey(), version).hashCode()).toUpperCase());
            }
        }
        return root;
    }

    /** The document of {@code api/v1} or {@code apis/{group}/{version}}; null when that version is not served. */
    ObjectNode document(String group, String version) {
        List<ResourceType> types = registry.inGroupVersion(group, version);
        if (types.isEmpty()) {
            return null;
        }
        ObjectNode doc = Json.MAPPER.createObjectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.32.0");
        ObjectNode paths = doc.putObject("paths");
        String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
        for (ResourceType type : types) {
            String path = prefix + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural() + "/{name}";
            ObjectNode patch = paths.putObject(path).putObject("patch");
            patch.put("operationId", "patch" + type.kind());
            var parameters = patch.putArray("parameters");
            for (String name : new String[] {"dryRun", "fieldManager", "fieldValidation", "force"}) {
                parameters.addObject().put("name", name).put("in", "query").putObject("schema")
                        .put("type", name.equals("force") ? "boolean" : "string").put("uniqueItems", true);
            }
            patch.putObject("responses").putObject("200").put("description", "OK");
            patch.put("x-kubernetes-action", "patch");
            patch.putObject("x-kubernetes-group-version-kind").put("group", group).put("version", version)
                    .put("kind", type.kind());
        }
        doc.putObject("components").putObject("schemas");
        return doc;
    }
}
