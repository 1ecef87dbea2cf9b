package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The namespace admission rules: writes need an existing namespace, and none can be created in a terminating one. */
final class Namespaces {

    private Namespaces() {
    }

    /** Throws 404 when the request's namespace does not exist and 403 when it is terminating (creates only). */
    static void checkWritable(ServerState state, ResourceRequest request) {
        if (!request.type().namespaced()) {
            return;
        }
        ObjectNode namespace = state.store.get(Controllers.NAMESPACES, request.namespace());
        if (namespace == null) {
            if (state.requireNamespaces) {
                throw ApiError.notFound(state.namespaces(), request.namespace());
            }
            return;
        }
        if (namespace.path("metadata").has("deletionTimestamp")) {
            throw ApiError.forbidden(request.type(), null, request.type().plural() + " is forbidden: unable to "
                    + "create new content in namespace " + request.namespace() + " because it is being terminated");
        }
    }
}
