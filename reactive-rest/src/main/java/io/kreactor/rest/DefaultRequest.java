package io.kreactor.rest;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.QueryOptions;
import io.kreactor.core.api.WatchEvent;
import io.kreactor.core.errors.TransportException;
import io.kreactor.rest.transport.ApiErrors;
import io.kreactor.rest.transport.ClientResponse;
import io.kreactor.rest.transport.HttpTransport;
import io.kreactor.rest.transport.TransportRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link Request} of {@link DefaultRestClient}: collects the URL parts like client-go's {@code rest.Request},
 * stores the first invalid value, and builds a {@link TransportRequest} on every subscription.
 */
final class DefaultRequest implements Request {

    private static final String JSON = "application/json";

    private final DefaultRestClient client;
    private final HttpTransport transport;
    private final ObjectMapper mapper;
    private final String method;

    private GroupVersion groupVersion;
    private String namespace;
    private String resource;
    private String name;
    private final List<String> subresource = new ArrayList<>();
    private String absPath;
    private boolean absPathTrailingSlash;
    private final Map<String, List<String>> params = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Object body;
    private byte[] rawBody;
    private Duration timeout;
    private IllegalArgumentException error;

    DefaultRequest(DefaultRestClient client, HttpTransport transport, String method) {
        this.client = client;
        this.transport = transport;
        this.mapper = client.objectMapper();
        this.method = method;
    }

    private void fail(String message) {
        if (error == null) {
            error = new IllegalArgumentException(method + " request: " + message);
        }
    }

    private boolean validSegment(String what, String value) {
        if (value == null || value.isEmpty()) {
            fail(what + " may not be empty");
            return false;
        }
        String why = RequestPath.invalidSegment(value);
        if (why != null) {
            fail("invalid " + what + " '" + value + "': " + why);
            return false;
        }
        return true;
    }

    @Override
    public Request groupVersion(GroupVersion gv) {
        if (gv == null) {
            fail("groupVersion may not be null");
        } else {
            groupVersion = gv;
        }
        return this;
    }

    @Override
    public Request namespace(String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            this.namespace = null;
        } else if (this.namespace != null) {
            fail("namespace already set to '" + this.namespace + "', cannot change to '" + namespace + "'");
        } else if (validSegment("namespace", namespace)) {
            this.namespace = namespace;
        }
        return this;
    }

    @Override
    public Request resource(String resource) {
        if (this.resource != null) {
            fail("resource already set to '" + this.resource + "', cannot change to '" + resource + "'");
        } else if (validSegment("resource", resource)) {
            this.resource = resource;
        }
        return this;
    }

    @Override
    public Request name(String name) {
        if (this.name != null) {
            fail("resource name already set to '" + this.name + "', cannot change to '" + name + "'");
        } else if (validSegment("resource name", name)) {
            this.name = name;
        }
        return this;
    }

    @Override
    public Request subresource(String... subresource) {
        if (!this.subresource.isEmpty()) {
            fail("subresource already set to '" + String.join("/", this.subresource) + "'");
            return this;
        }
        if (subresource == null || subresource.length == 0) {
            fail("subresource may not be empty");
            return this;
        }
        List<String> parts = new ArrayList<>();
        for (String part : subresource) {
            if (!validSegment("subresource", part)) {
                return this;
            }
            parts.add(part);
        }
        this.subresource.addAll(parts);
        return this;
    }

    @Override
    public Request absPath(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments == null ? new String[0] : segments) {
            if (segment == null) {
                fail("absPath segment may not be null");
                return this;
            }
            for (String piece : segment.split("/")) {
                if (piece.isEmpty()) {
                    continue;
                }
                if (piece.equals(".") || piece.equals("..")) {
                    fail("invalid absPath '" + String.join("/", segments) + "': may not contain '" + piece + "'");
                    return this;
                }
                path.append('/').append(RequestPath.escapeSegment(piece));
            }
        }
        String last = segments == null || segments.length == 0 ? "" : segments[segments.length - 1];
        // client-go keeps a trailing slash of the last segment (path.Join would drop it).
        this.absPathTrailingSlash = last.endsWith("/");
        this.absPath = path.toString();
        return this;
    }

    @Override
    public Request param(String name, String value) {
        if (name == null || name.isEmpty()) {
            fail("query parameter name may not be empty");
        } else if (value == null) {
            fail("query parameter '" + name + "' may not be null");
        } else {
            params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return this;
    }

    @Override
    public Request options(QueryOptions options) {
        if (options == null) {
            fail("options may not be null");
            return this;
        }
        options.toQueryParameters().forEach(this::param);
        return this;
    }

    @Override
    public Request header(String name, String value) {
        if (name == null || name.isEmpty()) {
            fail("header name may not be empty");
        } else if (value == null) {
            fail("header '" + name + "' may not be null");
        } else {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            headers.put(name, value);
        }
        return this;
    }

    @Override
    public Request body(Object body) {
        this.body = body;
        this.rawBody = null;
        return this;
    }

    @Override
    public Request body(byte[] body, String contentType) {
        if (body == null) {
            fail("body may not be null");
            return this;
        }
        this.rawBody = body.clone();
        this.body = null;
        return contentType == null ? this : header("Content-Type", contentType);
    }

    @Override
    public Request timeout(Duration timeout) {
        if (timeout == null || timeout.isNegative()) {
            fail("timeout must be zero or positive, was " + timeout);
        } else {
            this.timeout = timeout;
        }
        return this;
    }

    @Override
    public String url() {
        return error != null ? error.getMessage() : buildUrl(Map.of());
    }

    private String buildUrl(Map<String, String> extraParams) {
        StringBuilder url = new StringBuilder(client.config().server().toString());
        StringBuilder path = new StringBuilder();
        if (absPath != null) {
            path.append(absPath);
        } else if (groupVersion != null) {
            path.append(groupVersion.pathPrefix());
        }
        if (namespace != null) {
            path.append("/namespaces/").append(RequestPath.escapeSegment(namespace));
        }
        if (resource != null) {
            // client-go lower-cases the resource: plural resource names are always lower case on the server.
            path.append('/').append(RequestPath.escapeSegment(resource.toLowerCase(java.util.Locale.ROOT)));
        }
        if (name != null) {
            path.append('/').append(RequestPath.escapeSegment(name));
        }
        for (String part : subresource) {
            path.append('/').append(RequestPath.escapeSegment(part));
        }
        if (path.length() == 0 || (absPathTrailingSlash && !hasResourcePath())) {
            path.append('/');
        }
        url.append(path);
        Map<String, List<String>> all = new LinkedHashMap<>();
        params.forEach((k, v) -> all.put(k, new ArrayList<>(v)));
        extraParams.forEach((k, v) -> all.put(k, List.of(v)));
        String query = RequestPath.encodeQuery(all);
        return query.isEmpty() ? url.toString() : url.append('?').append(query).toString();
    }

    private boolean hasResourcePath() {
        return namespace != null || resource != null || name != null || !subresource.isEmpty();
    }

    /** Builds the request to send, or throws the stored builder error. */
    private TransportRequest build(boolean streaming, Map<String, String> extraParams, String defaultAccept) {
        if (error != null) {
            throw error;
        }
        if (absPath != null && namespace != null) {
            throw new IllegalArgumentException(method + " request: a namespace ('" + namespace
                    + "') cannot be combined with an absolute path ('" + absPath + "')");
        }
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (h.keySet().stream().noneMatch(k -> k.equalsIgnoreCase("Accept"))) {
            h.put("Accept", defaultAccept);
        }
        byte[] bytes = RequestBodies.encode(method, body, rawBody, h, mapper);
        return new TransportRequest(method, buildUrl(extraParams), h, bytes, streaming, timeout);
    }

    private <T> Mono<T> send(Function<TransportRequest, Mono<T>> action) {
        return Mono.defer(() -> action.apply(build(false, Map.of(), JSON)));
    }

    @Override
    public <T> Mono<T> retrieve(Class<T> type) {
        return retrieve(mapper.getTypeFactory().constructType(type));
    }

    @Override
    public <T> Mono<T> retrieve(JavaType type) {
        return send(request -> transport.exchange(request, response -> {
            if (!ApiErrors.isSuccess(response.statusCode())) {
                return ApiErrors.toError(response, request, mapper);
            }
            return client.decoder().<T>decodeValue(response.body(), type)
                    .onErrorMap(e -> named(request, e, "cannot decode the response body as " + type.toCanonical() + ": "));
        }));
    }

    /**
     * Failures of the body stream already name the request; a decoder's failure gets the request and what was
     * being decoded in front of its message.
     */
    private static Throwable named(TransportRequest request, Throwable e, String what) {
        if (e instanceof io.kreactor.core.errors.KubernetesException && e.getMessage() != null
                && e.getMessage().startsWith(request.describe())) {
            return e;
        }
        return new TransportException(request.describe() + ": " + what + e.getMessage(), e);
    }

    @Override
    public Mono<Void> execute() {
        return send(request -> transport.exchange(request, response -> ApiErrors.isSuccess(response.statusCode())
                ? response.release()
                : ApiErrors.toError(response, request, mapper)));
    }

    @Override
    public Mono<RawResponse> exchange() {
        return send(request -> transport.exchange(request, response ->
                response.aggregate(client.config().maxObjectSizeBytes(), false)
                        .map(bytes -> new RawResponse(response.statusCode(), response.headers(), bytes))));
    }

    @Override
    public <T> Flux<ListElement<T>> list(Class<T> itemType) {
        return list(mapper.getTypeFactory().constructType(itemType));
    }

    @Override
    public <T> Flux<ListElement<T>> list(JavaType itemType) {
        return stream(false, Map.of(), JSON, (request, response) ->
                client.decoder().<T>decodeList(response.body(), itemType)
                        .onErrorMap(e -> named(request, e, "cannot decode the list: ")));
    }

    @Override
    public <T> Flux<WatchEvent<T>> watch(Class<T> objectType) {
        return watch(mapper.getTypeFactory().constructType(objectType));
    }

    @Override
    public <T> Flux<WatchEvent<T>> watch(JavaType objectType) {
        return stream(true, Map.of("watch", "true"), JSON, (request, response) ->
                client.decoder().<T>decodeWatch(response.body(), objectType)
                        .onErrorMap(e -> named(request, e, "cannot decode the watch stream: ")));
    }

    @Override
    public Flux<byte[]> stream() {
        return stream(true, Map.of(), "application/json, */*", (request, response) -> response.body().map(buf -> {
            byte[] chunk = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), chunk);
            return chunk;
        }));
    }

    private <T> Flux<T> stream(boolean streaming, Map<String, String> extraParams, String accept,
                               java.util.function.BiFunction<TransportRequest, ClientResponse, Flux<T>> decode) {
        return Flux.defer(() -> {
            TransportRequest request = build(streaming, extraParams, accept);
            return transport.exchangeMany(request, response -> ApiErrors.isSuccess(response.statusCode())
                    ? decode.apply(request, response)
                    : ApiErrors.<T>toError(response, request, mapper).flux());
        });
    }

    @Override
    public String toString() {
        return "Request[" + method + " " + url() + "]";
    }
}
