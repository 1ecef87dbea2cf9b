package io.kreactor.rest.resource;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.CreateOptions;
import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.GetOptions;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.UpdateOptions;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.api.WatchOptions;
import io.kreactor.rest.RestClient;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The one generic client for a resource, like client-go's {@code gentype.Client} and kube-rs' {@code Api<K>}:
 * every operation the API server offers on a collection and its objects, for any Jackson-mappable object type
 * (a fabric8 model class, {@link io.kreactor.core.api.Unstructured}, a {@code JsonNode}, your own class). The
 * typed ClientSet and the DynamicClient are thin layers over it.
 *
 * <pre>{@code
 * ResourceClient<Pod> pods = ResourceClient.create(rest, descriptor, Pod.class).inNamespace("default");
 * Mono<Pod> web = pods.get("web-0");
 * Flux<Pod> all = pods.inAllNamespaces().listAll(ListOptions.DEFAULT.withLimit(500));
 * }</pre>
 *
 * <p><b>Immutable</b> and thread-safe: {@link #inNamespace(String)} and {@link #inAllNamespaces()} return
 * copies. Every operation returns a cold publisher: nothing is sent until subscription, and each subscription
 * sends again.
 *
 * <p><b>Namespaces.</b> For a namespaced kind, operations on one object need a namespace (from
 * {@link #inNamespace(String)}, or for operations that take an object, from its {@code metadata.namespace});
 * without one they fail with an {@link IllegalArgumentException} saying so. LIST and WATCH without a namespace
 * cover all namespaces. A cluster-scoped kind rejects a namespace. An object whose {@code metadata.namespace}
 * differs from the client's namespace is rejected, as the API server would reject it.
 *
 * <p><b>Errors.</b> Bad input — an invalid name (empty, {@code .}, {@code ..}, containing {@code /} or
 * {@code %}), a namespace that is not a DNS-1123 label, an unparsable label or field selector, options that
 * do not fit the patch type — is reported as a {@code Mono.error}/{@code Flux.error} with an
 * {@link IllegalArgumentException} naming the value, on subscription, before anything is sent. Server
 * failures are {@link io.kreactor.core.errors.ApiException} subclasses carrying the {@code Status}
 * ({@code NotFoundException}, {@code ConflictException} on a stale resourceVersion, {@code GoneException} for
 * an expired {@code continue} token, …).
 *
 * @param <T> the object type
 */
public interface ResourceClient<T> {

    /** A client for objects of {@code type} described by {@code descriptor}, without a namespace. */
    static <T> ResourceClient<T> create(RestClient rest, ResourceDescriptor descriptor, Class<T> type) {
        Objects.requireNonNull(rest, "rest");
        Objects.requireNonNull(type, "type");
        return create(rest, descriptor, rest.objectMapper().getTypeFactory().constructType(type));
    }

    /** A client for objects of the generic {@code type} described by {@code descriptor}, without a namespace. */
    static <T> ResourceClient<T> create(RestClient rest, ResourceDescriptor descriptor, JavaType type) {
        return new DefaultResourceClient<>(ResourceTarget.of(rest, descriptor), type);
    }

    // ---- identity and scope -------------------------------------------------------------------------------

    /** What this client addresses. */
    ResourceDescriptor descriptor();

    /** The object type responses are decoded to. */
    JavaType objectType();

    /** The namespace this client is bound to, or null (all namespaces, or a cluster-scoped kind). */
    String namespace();

    /**
     * A copy bound to {@code namespace}. Its operations fail with an {@link IllegalArgumentException} when the
     * kind is cluster-scoped or the namespace is not a valid DNS-1123 label.
     */
    ResourceClient<T> inNamespace(String namespace);

    /** {@link #inNamespace(String)} under client-go's dynamic-client name: {@code resource(gvr).namespace(ns)}. */
    default ResourceClient<T> namespace(String namespace) {
        return inNamespace(namespace);
    }

    /** A copy without a namespace: LIST, WATCH and DELETECOLLECTION across all namespaces. */
    ResourceClient<T> inAllNamespaces();

    // ---- reads --------------------------------------------------------------------------------------------

    /** GET of one object: the most recent state (a quorum read). Fails with {@code NotFoundException}. */
    default Mono<T> get(String name) {
        return get(name, GetOptions.DEFAULT);
    }

    /** GET of one object with {@code options} ({@code resourceVersion="0"} allows a cached, possibly stale read). */
    Mono<T> get(String name, GetOptions options);

    /** One LIST page with no options: the whole collection at the most recent resourceVersion. */
    default Mono<ResourceList<T>> list() {
        return list(ListOptions.DEFAULT);
    }

    /**
     * One LIST page. Items are decoded as they stream in (the response is never held as one document); the page
     * collects them. With {@code limit}, follow {@link ResourceList#continueToken()} for the next page — or use
     * {@link #listAll(ListOptions)}.
     */
    Mono<ResourceList<T>> list(ListOptions options);

    /**
     * Every object of the collection, page by page: the first page is fetched with {@code options}, and the page
     * after it (with the previous page's {@code continue} token) only once every item of the previous page has
     * been delivered downstream, so a slow consumer never has more than one page in memory. A continue token
     * that expired (the server compacted past it) fails the flux with {@code GoneException}, HTTP 410; relist
     * from scratch then, as client-go's pager does.
     */
    Flux<T> listAll(ListOptions options);

    /**
     * A WATCH with {@code options} ({@code watch=true} is added): ADDED, MODIFIED, DELETED, BOOKMARK and ERROR
     * events as they arrive, backpressured to the socket. Completes when the server ends the watch; an ERROR
     * event with code 410 means the resourceVersion is too old and the caller should relist.
     */
    Flux<WatchEvent<T>> watch(WatchOptions options);

    // ---- writes -------------------------------------------------------------------------------------------

    /** CREATE (POST to the collection) with default options; emits the object as stored. */
    default Mono<T> create(T object) {
        return create(object, CreateOptions.DEFAULT);
    }

    /** CREATE with {@code options} ({@code dryRun}, {@code fieldManager}, {@code fieldValidation}). */
    Mono<T> create(T object, CreateOptions options);

    /**
     * UPDATE (PUT of the whole object to {@code metadata.name}). The object's {@code metadata.resourceVersion}
     * makes it conditional: a stale one fails with {@code ConflictException}, HTTP 409; re-read and retry.
     */
    default Mono<T> update(T object) {
        return update(object, UpdateOptions.DEFAULT);
    }

    /** UPDATE with {@code options}. */
    Mono<T> update(T object, UpdateOptions options);

    /**
     * PATCH of the object {@code name}. {@code patch} is the body: a {@code String} or {@code byte[]} is sent
     * verbatim, anything else is serialized as JSON — a list of operations for {@link PatchType#JSON}, a partial
     * object for {@link PatchType#MERGE} and {@link PatchType#STRATEGIC_MERGE} (built-in kinds only), the full
     * intent of one field manager for {@link PatchType#APPLY}, which needs {@link PatchOptions#forApply}.
     */
    Mono<T> patch(String name, PatchType type, Object patch, PatchOptions options);

    /** {@link #patch(String, PatchType, Object, PatchOptions)} with default options (not valid for apply). */
    default Mono<T> patch(String name, PatchType type, Object patch) {
        return patch(name, type, patch, PatchOptions.DEFAULT);
    }

    /**
     * Server-side apply of a whole object: a PATCH of type {@code application/apply-patch+yaml} to its
     * {@code metadata.name} with {@code fieldManager}; the object must carry {@code apiVersion} and
     * {@code kind}. With {@code force}, fields owned by other managers are taken over instead of failing with a
     * 409 conflict. Creates the object when it does not exist.
     */
    Mono<T> apply(T object, String fieldManager, boolean force);

    /**
     * DELETE of the object {@code name} with {@code options} sent as the JSON body, as client-go sends it
     * (propagation policy, grace period, preconditions, dryRun). Completes when the server accepted the delete
     * — the object may still exist while finalizers run or the grace period lasts.
     */
    Mono<Void> delete(String name, DeleteOptions options);

    /** {@link #delete(String, DeleteOptions)} with default options. */
    default Mono<Void> delete(String name) {
        return delete(name, DeleteOptions.DEFAULT);
    }

    /**
     * DELETECOLLECTION: deletes every object {@code listOptions} selects (label and field selectors) in this
     * client's namespace (or, without one, everywhere), with {@code deleteOptions} as the body.
     */
    Mono<Void> deleteCollection(ListOptions listOptions, DeleteOptions deleteOptions);

    // ---- the status subresource ---------------------------------------------------------------------------

    /** GET of {@code {name}/status}: the object as the status subresource sees it. */
    Mono<T> getStatus(String name);

    /** UPDATE of {@code {name}/status}: only the status is written, the rest of the body is ignored. */
    Mono<T> updateStatus(T object, UpdateOptions options);

    /** {@link #updateStatus(Object, UpdateOptions)} with default options. */
    default Mono<T> updateStatus(T object) {
        return updateStatus(object, UpdateOptions.DEFAULT);
    }

    /** PATCH of {@code {name}/status}; see {@link #patch(String, PatchType, Object, PatchOptions)}. */
    Mono<T> patchStatus(String name, PatchType type, Object patch, PatchOptions options);

    /** Server-side apply of the object's status: {@link #apply} against {@code {name}/status}. */
    Mono<T> applyStatus(T object, String fieldManager, boolean force);

    // ---- the scale subresource ----------------------------------------------------------------------------

    /**
     * GET of {@code {name}/scale}, decoded as {@code scaleType}: an {@code autoscaling/v1} Scale (fabric8's
     * {@code Scale}, or an {@code Unstructured} for the dynamic client).
     */
    default <S> Mono<S> getScale(String name, Class<S> scaleType) {
        return subresource(name, "scale").get(scaleType);
    }

    /** UPDATE of {@code {name}/scale} with {@code scale} (an {@code autoscaling/v1} Scale); emits the stored Scale. */
    @SuppressWarnings("unchecked")
    default <S> Mono<S> updateScale(String name, S scale) {
        Objects.requireNonNull(scale, "scale");
        return subresource(name, "scale").update(scale, UpdateOptions.DEFAULT, (Class<S>) scale.getClass());
    }

    /** PATCH of {@code {name}/scale}, decoding the result as {@code scaleType}. */
    default <S> Mono<S> patchScale(String name, PatchType type, Object patch, PatchOptions options, Class<S> scaleType) {
        return subresource(name, "scale").patch(type, patch, options, scaleType);
    }

    // ---- pod subresources ---------------------------------------------------------------------------------

    /**
     * Evicts the pod {@code name}: POSTs a {@code policy/v1} Eviction carrying {@code options} to
     * {@code pods/{name}/eviction}. Eviction honours PodDisruptionBudgets: when evicting would violate one, the
     * server answers 429 ({@code TooManyRequestsException}); retry later. Only for {@code v1 pods}.
     */
    Mono<Void> evict(String name, DeleteOptions options);

    /**
     * Binds the pod {@code name} to the node {@code nodeName}: POSTs a {@code v1} Binding to
     * {@code pods/{name}/binding}, what a scheduler does. Only for {@code v1 pods}.
     */
    Mono<Void> bind(String name, String nodeName);

    /**
     * Any subresource of the object {@code name}, such as {@code status}, {@code scale}, {@code log} or
     * {@code proxy}: returns the verbs to call on {@code {name}/{subresource...}}.
     */
    SubresourceCall subresource(String name, String... subresource);
}
