package io.kreactor.rest.resource;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.CreateOptions;
import io.kreactor.core.api.DeleteOptions;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.QueryOptions;
import io.kreactor.core.api.UpdateOptions;
import io.kreactor.rest.Request;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link SubresourceCall}: one object's subresource path, checked on subscription. */
final class DefaultSubresourceCall implements SubresourceCall {

    private final ResourceTarget target;
    private final String name;
    private final String[] subresource;

    DefaultSubresourceCall(ResourceTarget target, String name, String[] subresource) {
        this.target = target;
        this.name = name;
        this.subresource = subresource == null ? new String[0] : subresource.clone();
    }

    private Request start(Request verb, String operation) {
        if (subresource.length == 0) {
            throw new IllegalArgumentException(operation + " of " + target.descriptor().gvr() + " '" + name
                    + "': no subresource named");
        }
        for (String part : subresource) {
            if (part == null || part.isEmpty()) {
                throw new IllegalArgumentException("subresource may not be empty");
            }
        }
        return target.object(verb, operation + " " + String.join("/", subresource), name).subresource(subresource);
    }

    @Override
    public <R> Mono<R> get(QueryOptions options, Class<R> type) {
        return get(options, target.rest().objectMapper().getTypeFactory().constructType(type));
    }

    @Override
    public <R> Mono<R> get(QueryOptions options, JavaType type) {
        return Mono.defer(() -> decode(start(target.rest().get(), "get").options(DefaultResourceClient.require(options, "options")), type));
    }

    @Override
    public <R> Mono<R> create(Object body, CreateOptions options, Class<R> type) {
        return Mono.defer(() -> decode(start(target.rest().post(), "create").options(DefaultResourceClient.require(options, "options"))
                .body(DefaultResourceClient.require(body, "body")), type));
    }

    @Override
    public <R> Mono<R> update(Object body, UpdateOptions options, Class<R> type) {
        return Mono.defer(() -> decode(start(target.rest().put(), "update").options(DefaultResourceClient.require(options, "options"))
                .body(DefaultResourceClient.require(body, "body")), type));
    }

    @Override
    public <R> Mono<R> patch(PatchType patchType, Object patch, PatchOptions options, Class<R> type) {
        return Mono.defer(() -> decode(DefaultResourceClient.withPatch(
                start(target.rest().patch(DefaultResourceClient.require(patchType, "patch type")), "patch"), patchType, patch, options), type));
    }

    @Override
    public Mono<Void> delete(DeleteOptions options) {
        return Mono.defer(() -> start(target.rest().delete(), "delete").body(DefaultResourceClient.require(options, "options").toBody()).execute());
    }

    @Override
    public Flux<byte[]> stream(QueryOptions options) {
        return Flux.defer(() -> start(target.rest().get(), "stream").options(DefaultResourceClient.require(options, "options")).stream());
    }

    private <R> Mono<R> decode(Request request, Class<R> type) {
        return decode(request, target.rest().objectMapper().getTypeFactory().constructType(type));
    }

    @SuppressWarnings("unchecked")
    private <R> Mono<R> decode(Request request, JavaType type) {
        if (type.getRawClass() == Void.class) {
            return (Mono<R>) request.execute();
        }
        return request.retrieve(type);
    }
}
