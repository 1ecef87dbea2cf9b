package io.kreactor.dynamic.mapper;

import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.rest.discovery.CachedDiscoveryClient;
import reactor.core.publisher.Mono;

/**
 * Maps kinds to resources and back from (cached) discovery, like client-go's
 * {@code restmapper.DeferredDiscoveryRESTMapper} combined with kubectl's shortcut expander.
 *
 * <ul>
 * <li>{@link #mapping(GroupVersionKind)}: a kind (an object's {@code apiVersion} and {@code kind}) to its resource
 *     and scope; {@link #mapping(String, String)} does the same in the group's preferred version.</li>
 * <li>{@link #kindFor(GroupVersionResource)}: a resource back to its kind.</li>
 * <li>{@link #resolve(String)}: a resource name as typed on kubectl's command line — plural ({@code pods}),
 *     singular ({@code pod}), short name ({@code po}, {@code deploy}, {@code svc}), kind ({@code Deployment}),
 *     group-qualified ({@code deployments.apps}) or fully qualified ({@code deployments.v1.apps}) — to a mapping,
 *     in the preferred version unless one is named. When several groups serve the name, the first group in
 *     discovery order wins (the core group first, as kubectl does).</li>
 * </ul>
 *
 * <p>Discovery results are cached by the {@link CachedDiscoveryClient}. On a miss the mapper invalidates the cache
 * and reads discovery once more — the kind may come from a CustomResourceDefinition created since — and only then
 * fails with {@link NoKindMatchException} or {@link NoResourceMatchException}. Group versions that failed
 * discovery do not stop mapping of the others; a miss then carries the discovery failure as its cause.
 */
public interface RestMapper {

    /** A mapper over {@code discovery}. */
    static RestMapper create(CachedDiscoveryClient discovery) {
        return new DefaultRestMapper(discovery);
    }

    /** The resource and scope of {@code gvk} at exactly its version. */
    Mono<RestMapping> mapping(GroupVersionKind gvk);

    /**
     * The resource and scope of {@code kind} in {@code group} ("" for core) at the group's preferred version that
     * serves it (then the other versions, most preferred first), as client-go's {@code RESTMapping(groupKind)}.
     */
    Mono<RestMapping> mapping(String group, String kind);

    /** The kind served by {@code gvr}. */
    Mono<GroupVersionKind> kindFor(GroupVersionResource gvr);

    /** The mapping of a kubectl-style resource argument; see the class comment. */
    Mono<RestMapping> resolve(String resourceArg);
}
