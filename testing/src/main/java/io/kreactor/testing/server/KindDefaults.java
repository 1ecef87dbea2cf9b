package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The few defaults of built-in kinds that clients observe and rely on: a new Pod is {@code Pending}, a new
 * Namespace is {@code Active} with the {@code kubernetes} finalizer, a new CustomResourceDefinition is
 * {@code Established} with its names accepted, a Secret without a type is {@code Opaque}.
 */
final class KindDefaults {

    private KindDefaults() {
    }

    static void onCreate(ResourceType type, ObjectNode object) {
        String key = ResourceRegistry.key(type.group(), type.plural());
        switch (key) {
            case "/pods" -> object.putObject("status").put("phase", "Pending").put("qosClass", "BestEffort");
            case "/namespaces" -> {
                object.putObject("status").put("phase", "Active");
                if (!object.path("spec").has("finalizers")) {
                    object.withObjectProperty("spec").putArray("finalizers").add("kubernetes");
                }
                Json.meta(object).withObjectProperty("labels").put("kubernetes.io/metadata.name", Json.name(object));
            }
            case "apiextensions.k8s.io/customresourcedefinitions" -> CrdTypes.establish(object);
            case "/services" -> object.putObject("status").putObject("loadBalancer");
            case "/secrets" -> {
                if (object.path("type").asText("").isEmpty()) {
                    object.put("type", "Opaque");
                }
            }
            default -> {
            }
        }
    }
}
