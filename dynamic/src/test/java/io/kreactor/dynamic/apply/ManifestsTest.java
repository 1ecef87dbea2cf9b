package io.kreactor.dynamic.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kreactor.core.api.Unstructured;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** Multi-document YAML into Unstructured objects, with errors that say where. */
class ManifestsTest {

    @Test
    void readsEveryDocumentSkippingEmptyOnesAndFlatteningLists() {
        String yaml = """
                # a leading comment
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: one
                data:
                  version: "1.10"
                  created: 2024-01-01T00:00:00Z
                ---
                ---
                # only a comment
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Service
                  metadata: {name: two}
                - apiVersion: v1
                  kind: ConfigMapList
                  items:
                  - {apiVersion: v1, kind: ConfigMap, metadata: {name: three}}
                ---
                {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "four", "namespace": "web"}, "spec": {"replicas": 2}}
                """;

        List<Unstructured> objects = Manifests.parse(yaml);

        assertThat(objects).extracting(Unstructured::name).containsExactly("one", "two", "three", "four");
        assertThat(objects).extracting(Unstructured::kind).containsExactly("ConfigMap", "Service", "ConfigMap", "Deployment");
        assertThat(objects.get(0).nested("data", "version").asText()).isEqualTo("1.10");
        // Timestamps stay the strings they were written as.
        assertThat(objects.get(0).nested("data", "created").isTextual()).isTrue();
        assertThat(objects.get(0).nested("data", "created").asText()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(objects.get(3).namespace()).isEqualTo("web");
        assertThat(objects.get(3).nested("spec", "replicas").asInt()).isEqualTo(2);
    }

    @Test
    void malformedYamlNamesTheDocumentAndTheLine() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: good}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: bad
                   labels: x
                """;

        assertThatThrownBy(() -> Manifests.parse(yaml))
                .isInstanceOf(ManifestParseException.class)
                .hasMessageStartingWith("manifest: document 2 (line 9): ")
                .satisfies(e -> {
                    assertThat(((ManifestParseException) e).document()).isEqualTo(2);
                    assertThat(((ManifestParseException) e).line()).isEqualTo(9);
                });
    }

    @Test
    void objectWithoutKindOrNonMappingDocumentIsRejectedNamingTheDocument() {
        assertThatThrownBy(() -> Manifests.parse("apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nmetadata: {name: x}\n"))
                .isInstanceOf(ManifestParseException.class)
                .hasMessage("manifest: document 2: kind not set");
        assertThatThrownBy(() -> Manifests.parse("- a\n- b\n"))
                .hasMessage("manifest: document 1: expected an object (a YAML mapping), got a list");
        assertThatThrownBy(() -> Manifests.parse("kind: List\napiVersion: v1\nitems:\n- {kind: Pod}\n"))
                .hasMessage("manifest: document 1: items[0].apiVersion not set");
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThatThrownBy(() -> Manifests.parse("apiVersion: v1\nkind: ConfigMap\nkind: Secret\n"))
                .isInstanceOf(ManifestParseException.class)
                .hasMessageContaining("document 1 (line 3)")
                .hasMessageContaining("duplicate key kind");
    }

    @Test
    void fileIsReadOffTheEventLoopAndErrorsNameIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "apiVersion: v1\nkind: Namespace\nmetadata: {name: app}\n---\n: :\n");

        StepVerifier.create(Manifests.parse(file))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ManifestParseException.class)
                        .hasMessageStartingWith(file + ": document 2"))
                .verify(Duration.ofSeconds(10));
    }
}
