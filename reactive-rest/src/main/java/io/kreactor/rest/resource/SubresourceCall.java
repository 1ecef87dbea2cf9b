package io.kreactor.rest.resource;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.CreateOptions;
import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.GetOptions;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.QueryOptions;
import io.kreactor.core.api.UpdateOptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The verbs on one subresource of one object ({@code pods/web-0/status}, {@code deployments/web/scale},
 * {@code pods/web-0/eviction}), from {@link ResourceClient#subresource(String, String...)}. Each verb takes the
 * type to decode the response as; {@code Void.class} discards the body. Like {@link ResourceClient}, every
 * publisher is cold and reports bad input as an error on subscription.
 */
public interface SubresourceCall {

    /** GET of the subresource, decoded as {@code type}. */
    default <R> Mono<R> get(Class<R> type) {
        return get(GetOptions.DEFAULT, type);
    }

    /** GET of the subresource with query {@code options}, decoded as {@code type}. */
    <R> Mono<R> get(QueryOptions options, Class<R> type);

    /** GET of the subresource with query {@code options}, decoded as the generic {@code type}. */
    <R> Mono<R> get(QueryOptions options, JavaType type);

    /** POST of {@code body} (eviction, binding, token requests), decoded as {@code type}. */
    <R> Mono<R> create(Object body, CreateOptions options, Class<R> type);

    /** PUT of {@code body} (status, scale), decoded as {@code type}. */
    <R> Mono<R> update(Object body, UpdateOptions options, Class<R> type);

    /** PATCH with {@code patch} of {@code patchType}; see {@link ResourceClient#patch}. */
    <R> Mono<R> patch(PatchType patchType, Object patch, PatchOptions options, Class<R> type);

    /** DELETE of the subresource with {@code options} as the body. */
    Mono<Void> delete(DeleteOptions options);

    /** GET of the subresource as a raw byte stream (a pod's {@code log} with {@code follow=true}, for example). */
    Flux<byte[]> stream(QueryOptions options);
}
