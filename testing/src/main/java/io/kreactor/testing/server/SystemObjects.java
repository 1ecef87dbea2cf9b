package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.util.Map;

/** The objects every cluster starts with: the namespaces {@code default}, {@code kube-system}, {@code kube-public}, {@code kube-node-lease}. */
final class SystemObjects {

    private SystemObjects() {
    }

    static void create(ServerState state, Writes writes) {
        ResourceType namespaces = state.namespaces();
        for (String name : new String[] {"default", "kube-system", "kube-public", "kube-node-lease"}) {
            ObjectNode ns = Json.MAPPER.createObjectNode();
            ns.putObject("metadata").put("name", name);
            writes.create(new ResourceRequest("POST", namespaces, "v1", null, null, null, Map.of(),
                    new DefaultHttpHeaders().set("User-Agent", "kube-apiserver")), ns);
        }
    }
}
