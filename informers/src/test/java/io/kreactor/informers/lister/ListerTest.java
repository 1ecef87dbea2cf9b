package io.kreactor.informers.lister;

import static io.kreactor.informers.TestObjects.name;
import static io.kreactor.informers.TestObjects.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.core.selector.LabelSelector;
import io.kreactor.informers.store.Indexer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ListerTest {

    private static final MetadataAccessor<JsonNode> ACCESSOR = MetadataAccessors.forType(JsonNode.class);
    private final Indexer<JsonNode> indexer = Indexer.create(ACCESSOR);
    private final Lister<JsonNode> lister = Lister.of(indexer, ACCESSOR);

    @BeforeEach
    void fill() {
        indexer.replace(List.of(
                obj("prod", "web-1", "1", Map.of("app", "web", "tier", "fe")),
                obj("prod", "db-1", "2", Map.of("app", "db")),
                obj("dev", "web-1", "3", Map.of("app", "web")),
                obj(null, "node-a", "4", Map.of("zone", "a"))));
    }

    @Test
    void listsEverythingOrWhatALabelPredicateAccepts() {
        assertThat(lister.list()).hasSize(4);
        assertThat(lister.list(labels -> "web".equals(labels.get("app")))).extracting(o -> o.path("metadata").path("namespace").asText())
                .containsExactlyInAnyOrder("prod", "dev");
    }

    @Test
    void listsWhatALabelSelectorMatches() {
        assertThat(lister.list(LabelSelector.parse("app=web,tier in (fe)"))).extracting(o -> name(o)).containsExactly("web-1");
        assertThat(lister.list(LabelSelector.parse("!app"))).extracting(o -> name(o)).containsExactly("node-a");
    }

    @Test
    void namespaceListerSeesOnlyItsNamespace() {
        NamespaceLister<JsonNode> prod = lister.namespace("prod");

        assertThat(prod.list()).extracting(o -> name(o)).containsExactlyInAnyOrder("web-1", "db-1");
        assertThat(prod.list(LabelSelector.parse("app=db"))).extracting(o -> name(o)).containsExactly("db-1");
        assertThat(prod.get("web-1")).map(o -> o.path("metadata").path("resourceVersion").asText()).contains("1");
        assertThat(lister.namespace("dev").get("web-1")).map(o -> o.path("metadata").path("resourceVersion").asText()).contains("3");
        assertThat(lister.namespace("dev").get("db-1")).isEmpty();
    }

    @Test
    void getFindsClusterScopedObjectsByName() {
        assertThat(lister.get("node-a")).isPresent();
        assertThat(lister.get("web-1")).isEmpty();
    }
}
