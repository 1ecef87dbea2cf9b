package io.kreactor.examples;

import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.Unstructured;
import io.kreactor.dynamic.DynamicClient;
import io.kreactor.dynamic.apply.ApplyOptions;
import io.kreactor.dynamic.apply.ManifestApplier;
import io.kreactor.dynamic.mapper.RestMapper;
import io.kreactor.rest.RestClient;
import io.kreactor.rest.discovery.DiscoveryClient;
import java.time.Duration;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The dynamic client on a custom resource, with no Java class for it: server-side apply a CRD and two objects from
 * YAML (as {@code kubectl apply --server-side -f}), wait until the new resource is served, then list the objects
 * untyped and read a field by path.
 */
public final class DynamicCrd {

    private static final String MANIFESTS = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: widgets.example.kreactor.io
            spec:
              group: example.kreactor.io
              scope: Namespaced
              names: {kind: Widget, listKind: WidgetList, plural: widgets, singular: widget, shortNames: [wd]}
              versions:
              - name: v1
                served: true
                storage: true
                schema:
                  openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """;

    private static final String WIDGETS = """
            apiVersion: example.kreactor.io/v1
            kind: Widget
            metadata: {name: gear}
            spec: {size: 3, color: red}
            ---
            apiVersion: example.kreactor.io/v1
            kind: Widget
            metadata: {name: sprocket}
            spec: {size: 5, color: blue}
            """;

    private DynamicCrd() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        try (ExampleCluster cluster = ExampleCluster.connect()) {
            RestClient rest = RestClient.create(cluster.config());
            DynamicClient dynamic = DynamicClient.create(rest);
            RestMapper mapper = RestMapper.create(DiscoveryClient.cached(DiscoveryClient.create(rest), Duration.ofMinutes(5)));
            ManifestApplier applier = ManifestApplier.create(dynamic, mapper, ApplyOptions.DEFAULT.withFieldManager("dynamic-crd-example"));
            GroupVersionResource widgets = new GroupVersionResource("example.kreactor.io", "v1", "widgets");

            applier.apply(MANIFESTS).doOnNext(r -> System.out.println("applied " + r)).then()
                    // A real API server needs a moment to establish a CRD; the mapper re-reads discovery on a miss.
                    .then(Mono.defer(() -> applier.apply(WIDGETS).doOnNext(r -> {
                        if (!r.isSuccess()) {
                            throw new IllegalStateException(r.toString());
                        }
                        System.out.println("applied " + r);
                    }).then()).retryWhen(Retry.backoff(10, Duration.ofMillis(200))))
                    .thenMany(dynamic.resource(widgets).inNamespace(cluster.config().namespace()).listAll(ListOptions.DEFAULT))
                    .doOnNext((Unstructured w) -> System.out.printf("%s is %s, size %d%n", w.name(),
                            w.nested("spec", "color").asText(), w.nested("spec", "size").asInt()))
                    .blockLast(Duration.ofMinutes(1));
            rest.dispose();
        }
    }
}
