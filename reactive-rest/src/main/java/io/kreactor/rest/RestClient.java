package io.kreactor.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.config.ClientConfig;
import reactor.core.Disposable;

/**
 * The low-level client for one API server, the counterpart of client-go's {@code rest.RESTClient}: start a
 * request with a verb, describe it with the returned {@link Request}, and subscribe to one of its terminal
 * publishers. Nothing is sent until subscription, and every subscription sends the request again.
 *
 * <pre>{@code
 * RestClient rest = RestClient.create(config);
 * Mono<Pod> pod = rest.get().groupVersion(GroupVersion.CORE_V1).namespace("default")
 *         .resource("pods").name("web-0").retrieve(Pod.class);
 * Flux<WatchEvent<Pod>> events = rest.get().groupVersion(GroupVersion.CORE_V1).resource("pods")
 *         .options(WatchOptions.DEFAULT.withResourceVersion(rv)).watch(Pod.class);
 * }</pre>
 *
 * <p>One {@code RestClient} owns one transport: a connection pool, TLS, credentials, a client-side rate
 * limiter, retries and a warning handler, shared by every request it sends. It is thread-safe; create it
 * once and share it. {@link #dispose()} releases the connection pool.
 */
public interface RestClient extends Disposable {

    /**
     * A client for the API server described by {@code config}, logging each distinct API warning once
     * ({@link WarningHandler#logOnce()}). Creates its connection pool; no connection is opened until a
     * request is sent.
     */
    static RestClient create(ClientConfig config) {
        return create(config, WarningHandler.logOnce());
    }

    /** A client for the API server described by {@code config} that hands API warnings to {@code warnings}. */
    static RestClient create(ClientConfig config, WarningHandler warnings) {
        return new DefaultRestClient(config, warnings);
    }

    /** The configuration this client was built from. */
    ClientConfig config();

    /** The Jackson mapper used for bodies and responses. */
    ObjectMapper objectMapper();

    /** Starts a GET request. */
    default Request get() {
        return verb("GET");
    }

    /** Starts a POST request (create). */
    default Request post() {
        return verb("POST");
    }

    /** Starts a PUT request (update / replace). */
    default Request put() {
        return verb("PUT");
    }

    /** Starts a PATCH request whose body is of {@code type}; the {@code Content-Type} follows from it. */
    default Request patch(PatchType type) {
        return verb("PATCH").header("Content-Type", type.contentType());
    }

    /** Starts a DELETE request. */
    default Request delete() {
        return verb("DELETE");
    }

    /** Starts a request with any HTTP method. */
    Request verb(String method);
}
