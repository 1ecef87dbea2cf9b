package io.kreactor.informers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.Status;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchEventType;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.core.errors.ApiException;
import io.kreactor.core.errors.GoneException;
import java.util.Map;

/** Test objects: minimal Kubernetes objects as Jackson trees. */
public final class TestObjects {

    private TestObjects() {
    }

    /** A namespaced object {@code ns/name} at {@code rv} with {@code labels}. */
    public static ObjectNode obj(String ns, String name, String rv, Map<String, String> labels) {
        ObjectNode o = KubernetesJson.mapper().createObjectNode();
        o.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode meta = o.putObject("metadata");
        if (ns != null) {
            meta.put("namespace", ns);
        }
        meta.put("name", name).put("resourceVersion", rv);
        if (!labels.isEmpty()) {
            ObjectNode l = meta.putObject("labels");
            labels.forEach(l::put);
        }
        return o;
    }

    /** A namespaced object {@code ns/name} at {@code rv}. */
    public static ObjectNode obj(String ns, String name, String rv) {
        return obj(ns, name, rv, Map.of());
    }

    /** The resourceVersion of {@code o}. */
    public static String rv(JsonNode o) {
        return o.path("metadata").path("resourceVersion").asText();
    }

    /** The name of {@code o}. */
    public static String name(JsonNode o) {
        return o.path("metadata").path("name").asText();
    }

    /** A watch event of {@code type} for {@code o}. */
    public static WatchEvent<JsonNode> event(WatchEventType type, JsonNode o) {
        return WatchEvent.of(type, o);
    }

    /** A BOOKMARK at {@code rv}. */
    public static WatchEvent<JsonNode> bookmark(String rv) {
        ObjectNode o = KubernetesJson.mapper().createObjectNode();
        o.putObject("metadata").put("resourceVersion", rv);
        return WatchEvent.of(WatchEventType.BOOKMARK, o);
    }

    /** The BOOKMARK that ends a watch-list's initial events, at {@code rv}. */
    public static WatchEvent<JsonNode> initialEventsEnd(String rv) {
        ObjectNode o = KubernetesJson.mapper().createObjectNode();
        ObjectNode meta = o.putObject("metadata").put("resourceVersion", rv);
        meta.putObject("annotations").put(WatchOptions.INITIAL_EVENTS_END_ANNOTATION, "true");
        return WatchEvent.of(WatchEventType.BOOKMARK, o);
    }

    /** A watch ERROR event with code 410 (resourceVersion too old). */
    public static WatchEvent<JsonNode> goneEvent() {
        return WatchEvent.error(Status.failure(410, "Expired", "too old resource version"));
    }

    /** The exception an HTTP 410 turns into. */
    public static GoneException gone() {
        return new GoneException(Status.failure(410, "Expired", "The provided continue parameter is too old"), 410, "GET", "/api/v1/configmaps");
    }

    /** An HTTP error with {@code code}. */
    public static ApiException httpError(int code, String reason) {
        return ApiException.from(Status.failure(code, reason, "injected " + code), code, "GET", "/api/v1/configmaps");
    }
}
