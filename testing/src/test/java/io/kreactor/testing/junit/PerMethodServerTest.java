package io.kreactor.testing.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@EmbeddedApiServerTest(perMethod = true, requireNamespaces = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PerMethodServerTest {

    private static final GroupVersionResource CONFIGMAPS = new GroupVersionResource("", "v1", "configmaps");
    private static final AtomicReference<EmbeddedApiServer> FIRST = new AtomicReference<>();

    private static ObjectNode configMap(String namespace) {
        ObjectNode cm = KubernetesJson.mapper().createObjectNode();
        cm.putObject("metadata").put("name", "left-over").put("namespace", namespace);
        return cm;
    }

    @Test
    @Order(1)
    void firstMethodWritesIntoANamespaceThatDoesNotExist(EmbeddedApiServer server) {
        FIRST.set(server);
        server.create(CONFIGMAPS, configMap("anywhere"));
        assertThat(server.get(CONFIGMAPS, "anywhere", "left-over")).isNotNull();
    }

    @Test
    @Order(2)
    void secondMethodGetsAFreshServer(EmbeddedApiServer server) {
        assertThat(server).isNotSameAs(FIRST.get());
        assertThat(server.get(CONFIGMAPS, "anywhere", "left-over")).isNull();
    }
}
