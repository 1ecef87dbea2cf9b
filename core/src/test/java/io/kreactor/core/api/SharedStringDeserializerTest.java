package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharedStringDeserializerTest {

    private static final ObjectMapper MAPPER = KubernetesJson.newMapper().registerModule(KubernetesJson.sharedStringsModule());

    private static Pod pod(String name) throws Exception {
        return MAPPER.readValue("{\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"team-a\","
                + "\"labels\":{\"app\":\"web\\u00e9\"}},\"spec\":{\"nodeName\":\"node-1\","
                + "\"containers\":[{\"name\":\"c\",\"image\":\"registry.example/web:1.2\",\"args\":[\"--port\",\"80\"]}]}}",
                Pod.class);
    }

    @Test
    void equalStringValuesOfDifferentObjectsAreOneInstance() throws Exception {
        Pod a = pod("a");
        Pod b = pod("b");

        assertThat(b.getMetadata().getNamespace()).isEqualTo("team-a").isSameAs(a.getMetadata().getNamespace());
        assertThat(b.getMetadata().getLabels().get("app")).isEqualTo("webé").isSameAs(a.getMetadata().getLabels().get("app"));
        assertThat(b.getSpec().getNodeName()).isSameAs(a.getSpec().getNodeName());
        assertThat(b.getSpec().getContainers().get(0).getImage()).isSameAs(a.getSpec().getContainers().get(0).getImage());
        assertThat(b.getSpec().getContainers().get(0).getArgs()).containsExactly("--port", "80");
        assertThat(b.getSpec().getContainers().get(0).getArgs().get(0))
                .isSameAs(a.getSpec().getContainers().get(0).getArgs().get(0));
        assertThat(a.getMetadata().getName()).isEqualTo("a");
        assertThat(b.getMetadata().getName()).isEqualTo("b");
    }

    @Test
    void theSharedMapperLeavesStringsUnshared() throws Exception {
        String json = "{\"metadata\":{\"namespace\":\"team-b\"}}";
        Pod a = KubernetesJson.mapper().readValue(json, Pod.class);
        Pod b = KubernetesJson.mapper().readValue(json, Pod.class);

        assertThat(b.getMetadata().getNamespace()).isEqualTo("team-b").isNotSameAs(a.getMetadata().getNamespace());
    }

    @Test
    void longStringsAreDecodedIntactWithoutSharing() throws Exception {
        String longValue = "x".repeat(SharedStringDeserializer.MAX_SHARED_LENGTH + 1);
        Map<String, String> first = MAPPER.readValue("{\"k\":\"" + longValue + "\"}", Map.class);
        Map<String, String> second = MAPPER.readValue("{\"k\":\"" + longValue + "\"}", Map.class);

        assertThat(first.get("k")).isEqualTo(longValue);
        assertThat(second.get("k")).isEqualTo(longValue).isNotSameAs(first.get("k"));
    }

    @Test
    void collidingStringsEvictEachOtherButAlwaysDecodeToTheirOwnText() {
        // "Aa" and "BB" have the same String hash, so they compete for one slot
        char[] aa = "Aa".toCharArray();
        char[] bb = "BB".toCharArray();
        for (int i = 0; i < 3; i++) {
            assertThat(SharedStringDeserializer.shared(aa, 0, 2)).isEqualTo("Aa");
            assertThat(SharedStringDeserializer.shared(bb, 0, 2)).isEqualTo("BB");
        }
        char[] padded = "__Aa__".toCharArray();
        assertThat(SharedStringDeserializer.shared(padded, 2, 2)).isEqualTo("Aa");
        assertThat(SharedStringDeserializer.shared(padded, 2, 0)).isEmpty();
    }

    @Test
    void aRepeatedStringOutlivesOneCollidingNewcomerButNotTwo() {
        // "Xy", "YZ" and "Z;" have the same hash, so they share one bucket of two places
        String repeated = SharedStringDeserializer.shared("Xy".toCharArray(), 0, 2);
        assertThat(SharedStringDeserializer.shared("YZ".toCharArray(), 0, 2)).isEqualTo("YZ");

        assertThat(SharedStringDeserializer.shared("Xy".toCharArray(), 0, 2)).isSameAs(repeated);

        assertThat(SharedStringDeserializer.shared("Z;".toCharArray(), 0, 2)).isEqualTo("Z;");
        assertThat(SharedStringDeserializer.shared("YZ".toCharArray(), 0, 2)).isEqualTo("YZ");
        assertThat(SharedStringDeserializer.shared("Xy".toCharArray(), 0, 2)).isEqualTo("Xy").isNotSameAs(repeated);
    }

    @Test
    void nonStringTokensKeepJacksonsCoercionsAndNulls() throws Exception {
        Pod pod = MAPPER.readValue("{\"metadata\":{\"name\":42,\"namespace\":null,\"finalizers\":[true,\"x\"]}}", Pod.class);

        assertThat(pod.getMetadata().getName()).isEqualTo("42");
        assertThat(pod.getMetadata().getNamespace()).isNull();
        assertThat(pod.getMetadata().getFinalizers()).isEqualTo(List.of("true", "x"));
    }
}
