package io.kreactor.examples.demo;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceSubresourceStatus;
import io.kreactor.clientset.KubernetesClientSet;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.errors.AlreadyExistsException;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.rest.resource.ResourceClient;
import io.kreactor.rest.resource.ResourceDescriptor;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The demo's custom resource, {@code Greeting} ({@code demo.kreactor.io/v1}): {@code spec.message} is what the
 * reconcile loop copies into a ConfigMap. Registered at run time through a CustomResourceDefinition and used
 * untyped ({@link Unstructured}), as a dynamic client would.
 */
final class GreetingResource {

    static final String GROUP = "demo.kreactor.io";
    static final String API_VERSION = GROUP + "/v1";
    static final String KIND = "Greeting";
    static final ResourceDescriptor DESCRIPTOR = ResourceDescriptor.namespaced(GROUP, "v1", "greetings", KIND);

    private GreetingResource() {
    }

    /** The CustomResourceDefinition: namespaced, one served version, a status subresource, schemaless spec. */
    static CustomResourceDefinition definition() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("greetings." + GROUP).endMetadata()
                .withNewSpec().withGroup(GROUP).withScope("Namespaced")
                .withNewNames().withKind(KIND).withListKind(KIND + "List").withPlural("greetings").withSingular("greeting").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSubresources().withStatus(new CustomResourceSubresourceStatus()).endSubresources()
                .withNewSchema().withNewOpenAPIV3Schema().withType("object").withXKubernetesPreserveUnknownFields(true)
                .endOpenAPIV3Schema().endSchema()
                .endVersion()
                .endSpec().build();
    }

    /**
     * Creates the CRD (an existing one is fine) and waits until the new resource is served: a real API server
     * takes a moment to establish a CRD, so listing is retried on NotFound with backoff, for at most 30 seconds.
     */
    static Mono<Void> register(KubernetesClientSet clients, ResourceClient<Unstructured> greetings) {
        return clients.apiextensionsV1().customResourceDefinitions().create(definition())
                .onErrorResume(AlreadyExistsException.class, e -> Mono.empty())
                .then(greetings.list(ListOptions.DEFAULT.withLimit(1))
                        .retryWhen(Retry.backoff(20, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(2))
                                .filter(NotFoundException.class::isInstance)))
                .then();
    }

    /** Deletes the CRD (used when the demo ran against a real cluster). */
    static Mono<Void> unregister(KubernetesClientSet clients) {
        return clients.apiextensionsV1().customResourceDefinitions().delete("greetings." + GROUP)
                .onErrorResume(NotFoundException.class, e -> Mono.empty());
    }

    /** A new Greeting named {@code name} with {@code spec.message}. */
    static Unstructured greeting(String namespace, String name, String message) {
        return Unstructured.of(new GroupVersionKind(GROUP, "v1", KIND)).withNamespace(namespace).withName(name)
                .withNested(message, "spec", "message");
    }

    /** The Greeting's {@code spec.message}, or empty. */
    static String message(Unstructured greeting) {
        return greeting.nested("spec", "message").asText("");
    }
}
