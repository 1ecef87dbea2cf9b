package io.kreactor.rest;

import com.fasterxml.jackson.databind.JavaType;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.QueryOptions;
import io.kreactor.core.api.WatchEvent;
import java.time.Duration;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One request being described: the URL parts ({@code /apis/{group}/{version}/namespaces/{ns}/{resource}/{name}/{subresource}}),
 * query parameters, headers and body, then a terminal method that returns a cold publisher.
 *
 * <p>A mutable builder (like client-go's {@code rest.Request}): the setters return {@code this}. A setter
 * given an invalid value (an empty name, a name with a slash, a namespace on an absolute path) does not
 * throw; the first such error is stored and every terminal publisher fails with it when subscribed, so call
 * chains stay fluent. Terminal publishers do no I/O until subscribed and send again on every subscription.
 * Not thread-safe while being built; the returned publishers are.
 *
 * <p>Failures: a non-2xx answer is an {@link io.kreactor.core.errors.ApiException} subclass carrying the
 * Status; a transport failure or an undecodable body is an {@link io.kreactor.core.errors.TransportException}.
 */
public interface Request {

    /** Serves the request under {@code gv}'s prefix: {@code /api/v1} or {@code /apis/{group}/{version}}. */
    Request groupVersion(GroupVersion gv);

    /** Sets the namespace segment; {@code null} or empty means none (all namespaces, or cluster scope). */
    Request namespace(String namespace);

    /** Sets the resource (plural, lower case), such as {@code pods}. */
    Request resource(String resource);

    /** Sets the object name. */
    Request name(String name);

    /** Sets the subresource path, such as {@code status}, {@code scale} or {@code log}. */
    Request subresource(String... subresource);

    /**
     * Uses an absolute path instead of the group/namespace/resource parts, for example {@code /version} or
     * {@code /apis}. The segments are joined with {@code /}.
     */
    Request absPath(String... segments);

    /** Adds the query parameter {@code name=value} (repeatable). */
    Request param(String name, String value);

    /** Adds every query parameter of {@code options}. */
    Request options(QueryOptions options);

    /** Sets a header, replacing an earlier value of the same name. */
    Request header(String name, String value);

    /** Sends {@code body} serialized as JSON (or YAML for an apply patch whose body is a String). */
    Request body(Object body);

    /** Sends {@code body} as-is with {@code contentType}. */
    Request body(byte[] body, String contentType);

    /**
     * Bounds this request from sending to the end of the response; overrides the client's request timeout.
     * Ignored by {@link #watch} and {@link #stream}, which last as long as their subscriber wants.
     */
    Request timeout(Duration timeout);

    /** The URL this request would be sent to, or the stored builder error as an exception message. */
    String url();

    /** Sends the request and decodes the response body as {@code type}. */
    <T> Mono<T> retrieve(Class<T> type);

    /** Sends the request and decodes the response body as {@code type}. */
    <T> Mono<T> retrieve(JavaType type);

    /** Sends the request and discards the response body; completes on success. */
    Mono<Void> execute();

    /** Sends the request and returns status, headers and body without treating non-2xx as an error. */
    Mono<RawResponse> exchange();

    /**
     * Sends a LIST and decodes the response as it arrives: each element of {@code items} is emitted as
     * soon as it has been read, and the list {@code metadata} is emitted when read (before the items, as
     * the API server writes it). Memory is bounded by the largest item, not the whole list.
     */
    <T> Flux<ListElement<T>> list(Class<T> itemType);

    /** {@link #list(Class)} for a generic item type. */
    <T> Flux<ListElement<T>> list(JavaType itemType);

    /**
     * Sends a WATCH ({@code watch=true} is added) and emits each event as soon as its line has arrived.
     * Backpressured: the socket is read only as fast as the subscriber requests. Completes when the server
     * ends the watch; ERROR events are emitted as items (the caller decides: 410 means relist). Cancelling
     * closes the connection. No request timeout applies.
     */
    <T> Flux<WatchEvent<T>> watch(Class<T> objectType);

    /** {@link #watch(Class)} for a generic object type. */
    <T> Flux<WatchEvent<T>> watch(JavaType objectType);

    /**
     * Sends the request and streams the raw response body (pod logs, for example) as byte chunks,
     * backpressured and cancellable. No request timeout applies.
     */
    Flux<byte[]> stream();
}
