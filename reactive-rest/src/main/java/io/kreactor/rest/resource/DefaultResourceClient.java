package io.kreactor.rest.resource;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.CreateOptions;
import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.GetOptions;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.MetadataAccessor;
import io.kreactor.core.api.MetadataAccessors;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.UpdateOptions;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.rest.ListElement;
import io.kreactor.rest.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link ResourceClient}: each operation checks its input inside {@code defer}, so bad input is an error
 * on subscription, builds one {@link Request} through {@link ResourceTarget} and hands it a terminal publisher.
 */
final class DefaultResourceClient<T> implements ResourceClient<T> {

    private final ResourceTarget target;
    private final JavaType type;

    DefaultResourceClient(ResourceTarget target, JavaType type) {
        this.target = target;
        this.type = Objects.requireNonNull(type, "type");
    }

    @Override
    public ResourceDescriptor descriptor() {
        return target.descriptor();
    }

    @Override
    public JavaType objectType() {
        return type;
    }

    @Override
    public String namespace() {
        return target.namespace();
    }

    @Override
    public ResourceClient<T> inNamespace(String namespace) {
        return new DefaultResourceClient<>(target.inNamespace(namespace), type);
    }

    @Override
    public ResourceClient<T> inAllNamespaces() {
        return new DefaultResourceClient<>(target.allNamespaces(), type);
    }

    // ---- reads --------------------------------------------------------------------------------------------

    @Override
    public Mono<T> get(String name, GetOptions options) {
        return mono(() -> target.object(target.rest().get(), "get", name).options(require(options, "options")).retrieve(type));
    }

    @Override
    public Mono<ResourceList<T>> list(ListOptions options) {
        return Mono.defer(() -> target.collection(target.rest().get(), require(options, "options"))
                .<T>list(type)
                .collect(PageCollector<T>::new, PageCollector::add)
                .map(PageCollector::toList));
    }

    @Override
    public Flux<T> listAll(ListOptions options) {
        Objects.requireNonNull(options, "options");
        return Pager.listAll(options, this::list);
    }

    @Override
    public Flux<WatchEvent<T>> watch(WatchOptions options) {
        return Flux.defer(() -> target.collection(target.rest().get(), require(options, "options")).watch(type));
    }

    // ---- writes -------------------------------------------------------------------------------------------

    @Override
    public Mono<T> create(T object, CreateOptions options) {
        return mono(() -> {
            require(object, "object");
            String ns = target.resolveNamespace("create", nameOrGenerated(object), accessor().namespace(object));
            return target.collectionIn(target.rest().post(), ns).options(require(options, "options")).body(object).retrieve(type);
        });
    }

    @Override
    public Mono<T> update(T object, UpdateOptions options) {
        return mono(() -> objectRequest(target.rest().put(), "update", object)
                .options(require(options, "options")).body(object).retrieve(type));
    }

    @Override
    public Mono<T> patch(String name, PatchType patchType, Object patch, PatchOptions options) {
        return mono(() -> withPatch(target.object(target.rest().patch(require(patchType, "patch type")), "patch", name),
                patchType, patch, options).retrieve(type));
    }

    @Override
    public Mono<T> apply(T object, String fieldManager, boolean force) {
        return mono(() -> {
            PatchOptions options = applyOptions(fieldManager, force);
            return objectRequest(target.rest().patch(PatchType.APPLY), "apply", object).options(options).body(object).retrieve(type);
        });
    }

    @Override
    public Mono<Void> delete(String name, DeleteOptions options) {
        return Mono.defer(() -> target.object(target.rest().delete(), "delete", name)
                .body(require(options, "options").toBody()).execute());
    }

    @Override
    public Mono<Void> deleteCollection(ListOptions listOptions, DeleteOptions deleteOptions) {
        return Mono.defer(() -> {
            require(deleteOptions, "deleteOptions");
            return target.collection(target.rest().delete(), require(listOptions, "listOptions"))
                    .body(deleteOptions.toBody()).execute();
        });
    }

    // ---- status -------------------------------------------------------------------------------------------

    @Override
    public Mono<T> getStatus(String name) {
        return mono(() -> target.object(target.rest().get(), "get status", name).subresource("status").retrieve(type));
    }

    @Override
    public Mono<T> updateStatus(T object, UpdateOptions options) {
        return mono(() -> objectRequest(target.rest().put(), "update status", object).subresource("status")
                .options(require(options, "options")).body(object).retrieve(type));
    }

    @Override
    public Mono<T> patchStatus(String name, PatchType patchType, Object patch, PatchOptions options) {
        return mono(() -> withPatch(target.object(target.rest().patch(require(patchType, "patch type")), "patch status", name)
                .subresource("status"), patchType, patch, options).retrieve(type));
    }

    @Override
    public Mono<T> applyStatus(T object, String fieldManager, boolean force) {
        return mono(() -> {
            PatchOptions options = applyOptions(fieldManager, force);
            return objectRequest(target.rest().patch(PatchType.APPLY), "apply status", object).subresource("status")
                    .options(options).body(object).retrieve(type);
        });
    }

    // ---- other subresources -------------------------------------------------------------------------------

    @Override
    public Mono<Void> evict(String name, DeleteOptions options) {
        return Mono.defer(() -> {
            PodBodies.requirePods(target.descriptor(), "eviction");
            Request request = target.object(target.rest().post(), "evict", name).subresource("eviction");
            return request.body(PodBodies.eviction(name, target.namespace(), require(options, "options"))).execute();
        });
    }

    @Override
    public Mono<Void> bind(String name, String nodeName) {
        return Mono.defer(() -> {
            PodBodies.requirePods(target.descriptor(), "binding");
            Request request = target.object(target.rest().post(), "bind", name).subresource("binding");
            return request.body(PodBodies.binding(name, target.namespace(), ResourceTarget.checkName(nodeName))).execute();
        });
    }

    @Override
    public SubresourceCall subresource(String name, String... subresource) {
        return new DefaultSubresourceCall(target, name, subresource);
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private Request objectRequest(Request start, String operation, T object) {
        require(object, "object");
        MetadataAccessor<T> meta = accessor();
        String name = meta.name(object);
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(operation + " of " + target.descriptor().gvr()
                    + ": the object has no metadata.name");
        }
        return target.objectOf(start, operation, name, meta.namespace(object));
    }

    private String nameOrGenerated(T object) {
        MetadataAccessor<T> meta = accessor();
        String name = meta.name(object);
        return name == null || name.isEmpty() ? "<generated name>" : ResourceTarget.checkName(name);
    }

    @SuppressWarnings("unchecked")
    private MetadataAccessor<T> accessor() {
        return (MetadataAccessor<T>) MetadataAccessors.forType(type.getRawClass());
    }

    static Request withPatch(Request request, PatchType patchType, Object patch, PatchOptions options) {
        require(patch, "patch");
        require(options, "options").checkCompatibleWith(patchType);
        request.options(options);
        if (patch instanceof String text) {
            return request.body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8), patchType.contentType());
        }
        if (patch instanceof byte[] bytes) {
            return request.body(bytes, patchType.contentType());
        }
        return request.body(patch);
    }

    private static PatchOptions applyOptions(String fieldManager, boolean force) {
        PatchOptions options = PatchOptions.forApply(fieldManager);
        return force ? options.withForce(true) : options;
    }

    static <V> V require(V value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        return value;
    }

    private static <V> Mono<V> mono(Supplier<Mono<V>> call) {
        return Mono.defer(call);
    }

    /** Gathers the streamed elements of one LIST response into a page. */
    private static final class PageCollector<T> {
        private ListMeta meta;
        private final List<T> items = new ArrayList<>();

        void add(ListElement<T> element) {
            if (element instanceof ListElement.Metadata<T> m) {
                meta = m.meta();
            } else if (element instanceof ListElement.Item<T> i) {
                items.add(i.item());
            }
        }

        ResourceList<T> toList() {
            return new ResourceList<>(meta, items);
        }
    }

    @Override
    public String toString() {
        return "ResourceClient[" + target.descriptor() + (target.namespace() == null ? "" : ", namespace=" + target.namespace()) + "]";
    }
}
