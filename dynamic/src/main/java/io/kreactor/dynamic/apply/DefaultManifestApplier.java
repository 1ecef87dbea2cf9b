package io.kreactor.dynamic.apply;

import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.dynamic.DynamicClient;
import io.kreactor.dynamic.mapper.RestMapper;
import io.kreactor.dynamic.mapper.RestMapping;
import io.kreactor.rest.resource.ResourceClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link ManifestApplier}: map, default the namespace, read, apply, compare resourceVersions. */
final class DefaultManifestApplier implements ManifestApplier {

    private final DynamicClient dynamic;
    private final RestMapper mapper;
    private final ApplyOptions options;

    DefaultManifestApplier(DynamicClient dynamic, RestMapper mapper, ApplyOptions options) {
        this.dynamic = Objects.requireNonNull(dynamic, "dynamic");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public Flux<ApplyResult> apply(String yaml) {
        Objects.requireNonNull(yaml, "yaml");
        return Mono.fromCallable(() -> Manifests.parse(yaml)).flatMapMany(this::apply);
    }

    @Override
    public Flux<ApplyResult> apply(Path file) {
        return Manifests.parse(file).flatMapMany(this::apply);
    }

    @Override
    public Flux<ApplyResult> apply(List<Unstructured> objects) {
        List<Unstructured> copy = List.copyOf(objects);
        return Flux.range(0, copy.size()).concatMap(i -> applyOne(i, copy.get(i)));
    }

    private Mono<ApplyResult> applyOne(int index, Unstructured object) {
        GroupVersionKind gvk = object.groupVersionKind().orElseThrow(
                () -> new IllegalArgumentException("object " + index + " has no apiVersion and kind"));
        return mapper.mapping(gvk)
                .flatMap(mapping -> {
                    Unstructured target = scoped(object, mapping);
                    String ns = mapping.namespaced() ? target.namespace() : null;
                    ResourceClient<Unstructured> client = ns == null
                            ? dynamic.resource(mapping.descriptor())
                            : dynamic.resource(mapping.descriptor()).namespace(ns);
                    return existing(client, target.name())
                            .flatMap(before -> client.apply(target, options.fieldManager(), options.force())
                                    .map(after -> new ApplyResult(index, gvk, ns, target.name(), action(before, after), after, null)))
                            .onErrorResume(e -> Mono.just(failed(index, gvk, ns, target.name(), e)));
                })
                .onErrorResume(e -> Mono.just(failed(index, gvk, object.namespace(), object.name(), e)));
    }

    /** Namespaced objects get the default namespace when they name none; cluster-scoped ones lose theirs, as kubectl does. */
    private Unstructured scoped(Unstructured object, RestMapping mapping) {
        if (!mapping.namespaced()) {
            return object.namespace() == null ? object : object.withNamespace(null);
        }
        String ns = object.namespace();
        return ns == null || ns.isEmpty() ? object.withNamespace(options.defaultNamespace()) : object;
    }

    private static Mono<Optional<Unstructured>> existing(ResourceClient<Unstructured> client, String name) {
        if (name == null || name.isEmpty()) {
            return Mono.error(new IllegalArgumentException("metadata.name is required for apply"));
        }
        return client.get(name).map(Optional::of)
                .onErrorResume(NotFoundException.class, e -> Mono.just(Optional.empty()));
    }

    private static ApplyResult.Action action(Optional<Unstructured> before, Unstructured after) {
        if (before.isEmpty()) {
            return ApplyResult.Action.CREATED;
        }
        return Objects.equals(before.get().resourceVersion(), after.resourceVersion())
                ? ApplyResult.Action.UNCHANGED : ApplyResult.Action.CONFIGURED;
    }

    private static ApplyResult failed(int index, GroupVersionKind gvk, String ns, String name, Throwable e) {
        return new ApplyResult(index, gvk, ns, name, ApplyResult.Action.FAILED, null, e);
    }

    @Override
    public String toString() {
        return "ManifestApplier[" + options.fieldManager() + (options.force() ? ", force" : "") + "]";
    }
}
