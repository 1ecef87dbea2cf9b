package io.kreactor.clientset;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Kind;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * A user's custom resource class, described only by fabric8's annotations. Like fabric8's own
 * {@code CustomResource}, it opts out of the {@code KubernetesDeserializer} that {@code KubernetesResource} declares
 * (which would map an unregistered kind to {@code GenericKubernetesResource}) so Jackson binds it as a plain bean.
 */
@Group("example.com")
@Version("v1")
@Kind("Widget")
@Plural("widgets")
@ShortNames("wd")
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonDeserialize(using = JsonDeserializer.None.class)
public class Widget implements HasMetadata, Namespaced {

    /** The widget's desired state. */
    public record Spec(Integer size, String color) {
    }

    private String apiVersion = "example.com/v1";
    private String kind = "Widget";
    private ObjectMeta metadata = new ObjectMeta();
    private Spec spec;

    public Widget() {
    }

    public Widget(String namespace, String name, Spec spec) {
        metadata.setNamespace(namespace);
        metadata.setName(name);
        this.spec = spec;
    }

    @Override
    public ObjectMeta getMetadata() {
        return metadata;
    }

    @Override
    public void setMetadata(ObjectMeta metadata) {
        this.metadata = metadata;
    }

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Spec getSpec() {
        return spec;
    }

    public void setSpec(Spec spec) {
        this.spec = spec;
    }
}
