package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The control loops an API server without a controller manager still needs for its own objects:
 * <ul>
 *   <li>CRD registration: a CustomResourceDefinition written makes its resource served; deleted, it stops being
 *   served and its objects are removed;</li>
 *   <li>namespace lifecycle: a namespace being deleted is {@code Terminating}; every object in it is deleted
 *   (objects with finalizers get a deletionTimestamp and are waited for), then the namespace goes.</li>
 * </ul>
 * They observe the store and do their follow-up writes on another thread, as the real controllers do
 * asynchronously after the triggering request has been answered.
 */
final class Controllers {

    static final String CRDS = "apiextensions.k8s.io/customresourcedefinitions";
    static final String NAMESPACES = "/namespaces";

    private final ServerState state;
    private final Scheduler scheduler = Schedulers.parallel();

    Controllers(ServerState state) {
        this.state = state;
    }

    void attach() {
        state.store.observe(this::onChange);
    }

    private void onChange(Change change) {
        if (change.groupResource().equals(CRDS)) {
            onCrd(change);
        } else if (change.groupResource().equals(NAMESPACES)) {
            if (!change.type().equals("DELETED") && change.object().path("metadata").has("deletionTimestamp")) {
                String ns = Json.name(change.object());
                scheduler.schedule(() -> sweepNamespace(ns));
            }
        } else if (change.type().equals("DELETED") && change.namespace() != null) {
            String ns = change.namespace();
            ObjectNode namespace = state.store.get(NAMESPACES, ns);
            if (namespace != null && namespace.path("metadata").has("deletionTimestamp")) {
                scheduler.schedule(() -> sweepNamespace(ns));
            }
        }
    }

    private void onCrd(Change change) {
        String name = Json.name(change.object());
        if (change.type().equals("DELETED")) {
            state.registry.unregisterCrd(name).ifPresent(type -> scheduler.schedule(() -> state.store.atomically(() -> {
                String gr = ResourceRegistry.key(type.group(), type.plural());
                for (String key : state.store.current(gr).keySet()) {
                    state.store.remove(gr, key);
                }
                return null;
            })));
            return;
        }
        ResourceType crdType = state.registry.find("apiextensions.k8s.io", "customresourcedefinitions").orElseThrow();
        ResourceType type = CrdTypes.toResourceType(crdType, change.object());
        state.registry.registerFromCrd(name, type, CrdTypes.storageSchema(change.object()));
    }

    /** Deletes what is left in a terminating namespace, and the namespace itself once it is empty. */
    void sweepNamespace(String ns) {
        state.store.atomically(() -> {
            ObjectNode namespace = state.store.get(NAMESPACES, ns);
            if (namespace == null || !namespace.path("metadata").has("deletionTimestamp")) {
                return null;
            }
            boolean empty = true;
            for (ResourceType type : state.registry.all()) {
                if (!type.namespaced()) {
                    continue;
                }
                String gr = ResourceRegistry.key(type.group(), type.plural());
                for (Map.Entry<String, ObjectNode> e : state.store.current(gr).subMap(ns + "/", ns + "0").entrySet()) {
                    ObjectNode object = e.getValue();
                    if (!Json.hasFinalizers(object)) {
                        state.store.remove(gr, e.getKey());
                        continue;
                    }
                    empty = false;
                    if (!object.path("metadata").has("deletionTimestamp")) {
                        ObjectNode marked = object.deepCopy();
                        Json.meta(marked).put("deletionTimestamp", state.now()).put("deletionGracePeriodSeconds", 0);
                        state.store.put(gr, e.getKey(), marked);
                    }
                }
            }
            if (empty && !Json.hasFinalizers(namespace)) {
                state.store.remove(NAMESPACES, ns);
            }
            return null;
        });
    }
}
