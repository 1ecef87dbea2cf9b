package io.kreactor.testing.server;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * A request aimed at a resource, parsed from its URL: which type and version, which namespace, object and
 * subresource, and the query parameters.
 */
record ResourceRequest(String method, ResourceType type, String version, String namespace, String name,
                       String subresource, Map<String, List<String>> query, HttpHeaders headers) {

    String param(String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean flag(String key) {
        String value = param(key);
        return value != null && (value.equals("true") || value.equals("1"));
    }

    /** {@code dryRun=All}: validate and answer as if written, but persist nothing. */
    boolean dryRun() {
        List<String> values = query.get("dryRun");
        if (values == null || values.isEmpty()) {
            return false;
        }
        for (String v : values) {
            if (!v.equals("All")) {
                throw ApiError.badRequest("dryRun: Unsupported value: \"" + v + "\": supported values: \"All\"");
            }
        }
        return true;
    }

    String groupResource() {
        return ResourceRegistry.key(type.group(), type.plural());
    }

    /** The storage key of {@code objectName} in this request's namespace. */
    String key(String objectName) {
        return type.namespaced() ? namespace + "/" + objectName : objectName;
    }

    String fieldManager(String fallback) {
        String manager = param("fieldManager");
        return manager == null || manager.isEmpty() ? fallback : manager;
    }

    /** Whether the client asked for {@code meta.k8s.io} Table output (kubectl get does). */
    boolean wantsTable() {
        String accept = headers.get("Accept");
        return accept != null && accept.contains("as=Table") && accept.contains("g=meta.k8s.io");
    }
}
