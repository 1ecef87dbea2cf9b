package io.kreactor.rest.resource;

import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.GroupVersionResource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request bodies of the pod subresources {@code eviction} ({@code policy/v1 Eviction}) and {@code binding}
 * ({@code v1 Binding}), built as plain JSON maps so that this layer needs no model classes.
 */
final class PodBodies {

    private static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");

    private PodBodies() {
    }

    static void requirePods(ResourceDescriptor descriptor, String subresource) {
        if (!PODS.equals(descriptor.gvr())) {
            throw new IllegalArgumentException(subresource + " is a subresource of v1 pods only, not of " + descriptor.gvr());
        }
    }

    static Map<String, Object> eviction(String name, String namespace, DeleteOptions options) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "policy/v1");
        body.put("kind", "Eviction");
        body.put("metadata", metadata(name, namespace));
        if (!DeleteOptions.DEFAULT.equals(options)) {
            body.put("deleteOptions", options.toBody());
        }
        return body;
    }

    static Map<String, Object> binding(String name, String namespace, String nodeName) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("apiVersion", "v1");
        target.put("kind", "Node");
        target.put("name", nodeName);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("apiVersion", "v1");
        body.put("kind", "Binding");
        body.put("metadata", metadata(name, namespace));
        body.put("target", target);
        return body;
    }

    private static Map<String, Object> metadata(String name, String namespace) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        return meta;
    }
}
