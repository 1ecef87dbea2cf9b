package io.kreactor.core.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.impl.MethodProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LambdaSetterPropertyTest {

    private static final ObjectMapper SHARING = KubernetesJson.newMapper()
            .registerModule(KubernetesJson.sharedStringsModule())
            .registerModule(KubernetesJson.sharedEmptyCollectionsModule())
            .registerModule(KubernetesJson.sharedManagedFieldsModule());

    @Test
    void stringPropertiesOfTheSharingMapperAreSetThroughGeneratedSettersNotReflection() throws Exception {
        List<SettableBeanProperty> meta = properties(SHARING, ObjectMeta.class);

        assertThat(meta).filteredOn(p -> p.getName().equals("name")).singleElement()
                .isInstanceOf(LambdaSetterProperty.class)
                .satisfies(p -> assertThat(p.getValueDeserializer()).isInstanceOf(SharedStringDeserializer.class));
        // without the wrapper, Blackbird leaves every property with a deserializer of this library to
        // Method.invoke (an argument array per call); none is left that way in the types a Pod is made of
        assertThat(reflective(SHARING, Pod.class)).isEmpty();
        assertThat(reflective(SHARING, PodSpec.class)).isEmpty();
        assertThat(reflective(SHARING, ObjectMeta.class)).isEmpty();
    }

    @Test
    void objectsBoundThroughGeneratedSettersEqualThoseOfThePlainMapper() throws Exception {
        String json = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\","
                + "\"metadata\":{\"name\":\"web-0\",\"namespace\":\"team-a\","
                + "\"generateName\":null,\"labels\":{\"app\":\"web\"}},"
                + "\"spec\":{\"nodeName\":\"node-1\",\"hostname\":42,"
                + "\"containers\":[{\"name\":\"c\",\"image\":\"registry.example/web:1.2\","
                + "\"args\":[\"--port\",\"80\"]}]},"
                + "\"status\":{\"phase\":\"Running\",\"podIP\":\"10.0.0.7\"}}";

        Pod shared = SHARING.readValue(json, Pod.class);
        Pod plain = KubernetesJson.mapper().readValue(json, Pod.class);

        assertThat(shared).isEqualTo(plain);
        assertThat(shared.getMetadata().getName()).isEqualTo("web-0");
        assertThat(shared.getMetadata().getGenerateName()).isNull();
        // a number where a string is expected is coerced, as Jackson's own property does
        assertThat(shared.getSpec().getHostname()).isEqualTo("42");
        assertThat(shared.getStatus().getPodIP()).isEqualTo("10.0.0.7");
        assertThat(SHARING.writeValueAsString(shared)).isEqualTo(KubernetesJson.mapper().writeValueAsString(plain));
    }

    @Test
    void aReaderForUpdatingSetsStringsThroughTheWrapperToo() throws Exception {
        Pod pod = SHARING.readValue("{\"metadata\":{\"name\":\"a\",\"namespace\":\"ns\"}}", Pod.class);

        SHARING.readerForUpdating(pod.getMetadata()).readValue("{\"name\":\"b\"}");

        assertThat(pod.getMetadata().getName()).isEqualTo("b");
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("ns");
    }

    /** The bean properties of {@code type}'s resolved deserializer in {@code mapper}. */
    static List<SettableBeanProperty> properties(ObjectMapper mapper, Class<?> type) throws Exception {
        DeserializationContext ctxt = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);
        JsonDeserializer<?> deserializer = ctxt.findRootValueDeserializer(mapper.constructType(type));
        while (deserializer instanceof DelegatingDeserializer delegating) {
            deserializer = delegating.getDelegatee();
        }
        List<SettableBeanProperty> properties = new ArrayList<>();
        for (Iterator<SettableBeanProperty> it = ((BeanDeserializerBase) deserializer).properties(); it.hasNext(); ) {
            properties.add(it.next());
        }
        return properties;
    }

    /** The names of {@code type}'s properties that Jackson sets by reflection. */
    static List<String> reflective(ObjectMapper mapper, Class<?> type) throws Exception {
        return properties(mapper, type).stream().filter(p -> p instanceof MethodProperty)
                .map(SettableBeanProperty::getName).toList();
    }
}
