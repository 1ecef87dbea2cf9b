package io.kreactor.dynamic.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.Unstructured;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads Kubernetes manifests: multi-document YAML (or JSON, which is YAML) into {@link Unstructured} objects, as
 * {@code kubectl apply -f} reads a file.
 *
 * <ul>
 * <li>Documents are separated by {@code ---}; empty documents (and documents holding only comments) are skipped.</li>
 * <li>SnakeYAML's safe loading: no arbitrary types are built, only maps, lists and scalars.</li>
 * <li>Timestamps stay strings (as the API server's YAML-to-JSON conversion keeps them), so
 *     {@code creationTimestamp: 2024-01-01T00:00:00Z} is sent as written.</li>
 * <li>A {@code List} ({@code kind: List}, or any {@code *List} kind with {@code items}) is flattened into its
 *     items, recursively.</li>
 * <li>Every object must have {@code apiVersion} and {@code kind}.</li>
 * </ul>
 * Errors are {@link ManifestParseException}s naming the source, the document and, for syntax errors, the line.
 */
public final class Manifests {

    private static final ObjectMapper MAPPER = KubernetesJson.mapper();

    private Manifests() {
    }

    /** The objects of {@code yaml}, in document order. */
    public static List<Unstructured> parse(String yaml) {
        return parse("manifest", new StringReader(Objects.requireNonNull(yaml, "yaml")));
    }

    /**
     * The objects of the file at {@code path}, read on {@link Schedulers#boundedElastic()} (file reads block).
     * Errors name the file.
     */
    public static Mono<List<Unstructured>> parse(Path path) {
        Objects.requireNonNull(path, "path");
        return Mono.fromCallable(() -> {
            try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                return parse(path.toString(), reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read manifest " + path + ": " + e.getMessage(), e);
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The objects read from {@code reader} (which this method does not close); {@code source} names it in errors. */
    public static List<Unstructured> parse(String source, Reader reader) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reader, "reader");
        List<Unstructured> out = new ArrayList<>();
        Iterator<Object> documents = yaml().loadAll(reader).iterator();
        int document = 0;
        while (true) {
            document++;
            Object value;
            try {
                if (!documents.hasNext()) {
                    break;
                }
                value = documents.next();
            } catch (MarkedYAMLException e) {
                int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
                throw new ManifestParseException(source, document, line, e.getProblem() == null ? e.getMessage() : e.getProblem(), e);
            } catch (YAMLException e) {
                throw new ManifestParseException(source, document, 0, e.getMessage(), e);
            }
            if (value == null) {
                continue;
            }
            if (!(value instanceof Map<?, ?>)) {
                throw new ManifestParseException(source, document, 0,
                        "expected an object (a YAML mapping), got " + kindOf(value), null);
            }
            flatten(source, document, MAPPER.valueToTree(value), "", out);
        }
        return out;
    }

    private static void flatten(String source, int document, JsonNode node, String where, List<Unstructured> out) {
        String apiVersion = text(node, "apiVersion");
        String kind = text(node, "kind");
        JsonNode items = node.get("items");
        if (kind != null && kind.endsWith("List") && items != null && items.isArray()) {
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.get(i);
                String itemWhere = where + "items[" + i + "]";
                if (!item.isObject()) {
                    throw new ManifestParseException(source, document, 0, itemWhere + " is not an object", null);
                }
                flatten(source, document, item, itemWhere + ".", out);
            }
            return;
        }
        if (apiVersion == null) {
            throw new ManifestParseException(source, document, 0, where + "apiVersion not set", null);
        }
        if (kind == null) {
            throw new ManifestParseException(source, document, 0, where + "kind not set", null);
        }
        out.add(Unstructured.of(node));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }

    private static String kindOf(Object value) {
        if (value instanceof List<?>) {
            return "a list";
        }
        return "the scalar '" + value + "'";
    }

    /** A new loader per call: SnakeYAML's {@code Yaml} is not thread-safe. */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                new NoTimestampResolver());
    }

    /** SnakeYAML's resolver without the implicit timestamp type: Kubernetes keeps timestamps as strings. */
    private static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
            addImplicitResolver(Tag.YAML, YAML, "!&*", 10);
        }
    }
}
