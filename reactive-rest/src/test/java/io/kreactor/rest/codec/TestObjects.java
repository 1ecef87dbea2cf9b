package io.kreactor.rest.codec;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.KubernetesJson;
import io.kreactor.core.api.ListMeta;
import io.kreactor.rest.ListElement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Object types and sample bodies shared by the decoder tests. */
final class TestObjects {

    static final ObjectMapper MAPPER = KubernetesJson.mapper();
    static final JavaType OBJ = MAPPER.constructType(Obj.class);
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A Kubernetes-shaped object: metadata plus an untyped spec. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Obj(Meta metadata, Map<String, Object> spec) {
    }

    /** The parts of {@code ObjectMeta} the tests look at. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(String name, String namespace, String resourceVersion, Map<String, String> labels,
                Map<String, String> annotations) {
    }

    static final JavaType MODEL = MAPPER.constructType(Model.class);

    /**
     * The fabric8 shape: unknown fields go into an {@code additionalProperties} map (the {@code @JsonAnySetter})
     * that starts as an empty {@code LinkedHashMap} and almost always stays empty.
     */
    abstract static class WithAdditionalProperties {
        private Map<String, Object> additionalProperties = new LinkedHashMap<>();

        @JsonAnyGetter
        public Map<String, Object> getAdditionalProperties() {
            return additionalProperties;
        }

        @JsonAnySetter
        public void setAdditionalProperty(String name, Object value) {
            additionalProperties.put(name, value);
        }

        public void setAdditionalProperties(Map<String, Object> additionalProperties) {
            this.additionalProperties = additionalProperties;
        }
    }

    /** A fabric8-shaped model object. */
    static class Model extends WithAdditionalProperties {
        private ModelMeta metadata;

        public ModelMeta getMetadata() {
            return metadata;
        }

        public void setMetadata(ModelMeta metadata) {
            this.metadata = metadata;
        }
    }

    /** The metadata of {@link Model}, with a map of its own. */
    static class ModelMeta extends WithAdditionalProperties {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    /**
     * A small LIST body whose strings hold 2-, 3- and 4-byte UTF-8 characters, escapes, nested arrays,
     * numbers of every kind and a field the decoder must skip.
     */
    static final String SMALL_LIST = """
            {"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"42","continue":"c-ü"},\
            "extra":{"nested":[1,{"deep":[true,false,null]}],"s":"skip me"},"items":[\
            {"metadata":{"name":"a","labels":{"app":"grün"}},"spec":{"n":1,"f":-1.5e3,"b":true,"x":null,\
            "arr":[1,"two",{"three":3}]}},\
            {"metadata":{"name":"日本","annotations":{"e":"😀 \\"quoted\\" \\\\ \\u00e9"}},"spec":{}}\
            ]}
            """;

    private TestObjects() {
    }

    /** The elements a correct decoder emits for {@code listBody}, computed with the blocking parser. */
    static List<ListElement<Obj>> expectedList(String listBody) {
        try {
            JsonNode root = MAPPER.readTree(listBody);
            List<ListElement<Obj>> elements = new ArrayList<>();
            List<String> order = new ArrayList<>();
            root.fieldNames().forEachRemaining(order::add);
            for (String field : order) {
                if (field.equals("metadata") && !root.get(field).isNull()) {
                    elements.add(new ListElement.Metadata<>(MAPPER.treeToValue(root.get(field), ListMeta.class)));
                } else if (field.equals("items") && root.get(field).isArray()) {
                    for (JsonNode item : root.get(field)) {
                        elements.add(new ListElement.Item<>(MAPPER.treeToValue(item, Obj.class)));
                    }
                }
            }
            return elements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pod-sized object (about 1 KB) with multi-byte characters in labels and annotations. */
    static ObjectNode podLike(int i) {
        ObjectNode pod = MAPPER.createObjectNode();
        pod.put("apiVersion", "v1").put("kind", "Pod");
        ObjectNode meta = pod.putObject("metadata");
        meta.put("name", "pod-" + i).put("namespace", "default").put("resourceVersion", String.valueOf(1000 + i));
        meta.putObject("labels").put("app", "web-ü-日本-" + i).put("emoji", "🚀" + i);
        meta.putObject("annotations").put("note", "é".repeat(i % 40) + "😀".repeat(i % 7) + "\n\t\"x\"");
        ObjectNode spec = pod.putObject("spec");
        spec.put("nodeName", "node-" + (i % 13)).put("priority", i * 7L).put("ratio", i / 3.0);
        ArrayNode containers = spec.putArray("containers");
        for (int c = 0; c < 2 + i % 3; c++) {
            ObjectNode container = containers.addObject();
            container.put("name", "c" + c).put("image", "registry.example.com/team/image:" + i + "." + c);
            container.putArray("args").add("--flag=" + c).add("--verbose").add("ü");
            container.putObject("resources").putObject("limits").put("memory", "512Mi").put("cpu", "500m");
        }
        return pod;
    }

    /** A LIST body of {@code count} pod-like objects. */
    static byte[] podLikeList(int count) {
        ObjectNode list = MAPPER.createObjectNode();
        list.put("kind", "PodList").put("apiVersion", "v1");
        list.putObject("metadata").put("resourceVersion", "99999");
        ArrayNode items = list.putArray("items");
        for (int i = 0; i < count; i++) {
            items.add(podLike(i));
        }
        try {
            return MAPPER.writeValueAsBytes(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
