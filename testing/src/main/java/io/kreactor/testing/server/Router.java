package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Maps each HTTP request to its handler: discovery documents, then resource URLs
 * ({@code /api/v1/...}, {@code /apis/{group}/{version}/...}, with {@code namespaces/{ns}/} for namespaced
 * resources, an object name and a subresource), then the verb from the method and parameters. Injected faults and
 * latency apply before anything else; failures become {@code Status} responses.
 */
final class Router {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private final ServerState state;
    private final Discovery discovery;
    private final Faults faults;
    private final Reads reads;
    private final Writes writes;
    private final Deletes deletes;
    private final WatchHandler watches;
    private final Subresources subresources;
    private final PatchHandler patches;
    private final PodStreams podStreams;
    private final OpenApi openApi;

    Router(ServerState state, Discovery discovery, Faults faults, Reads reads, Writes writes, Deletes deletes,
           WatchHandler watches, Subresources subresources, PatchHandler patches, PodStreams podStreams) {
        this.state = state;
        this.discovery = discovery;
        this.faults = faults;
        this.reads = reads;
        this.writes = writes;
        this.deletes = deletes;
        this.watches = watches;
        this.subresources = subresources;
        this.patches = patches;
        this.podStreams = podStreams;
        this.openApi = new OpenApi(state.registry);
    }

    Mono<Void> route(HttpServerRequest request, HttpServerResponse response) {
        Mono<Void> handling = Mono.defer(() -> {
            ApiError injected = faults.nextFailure(request.method().name(), request.uri());
            if (injected != null) {
                return Responses.error(response, injected);
            }
            return dispatch(request, response);
        }).onErrorResume(e -> response.hasSentHeaders(), e -> {
                    // Mid-stream (watch, log): the status line is gone; closing the connection is all that is left.
                    LOG.debug("stream {} {} failed after the response started", request.method(), request.uri(), e);
                    return Mono.empty();
                })
                .onErrorResume(ApiError.class, e -> Responses.error(response, e))
                .onErrorResume(e -> !(e instanceof ApiError), e -> {
                    LOG.warn("internal error handling {} {}", request.method(), request.uri(), e);
                    return Responses.error(response, ApiError.of(500, "InternalError",
                            "Internal error occurred: " + e));
                });
        Duration latency = faults.latency();
        return latency.isZero() ? handling : Mono.delay(latency).then(handling);
    }

    private Mono<Void> dispatch(HttpServerRequest request, HttpServerResponse response) {
        QueryStringDecoder decoder = new QueryStringDecoder(request.uri());
        List<String> segments = new ArrayList<>();
        for (String s : decoder.path().split("/")) {
            if (!s.isEmpty()) {
                segments.add(QueryStringDecoder.decodeComponent(s));
            }
        }
        String accept = request.requestHeaders().get("Accept");
        String contentType = request.requestHeaders().get("Content-Type");
        if (contentType != null && contentType.contains("cbor")) {
            return Mono.error(ApiError.of(415, "UnsupportedMediaType", "the body of the request was in an unknown "
                    + "format - accepted media types include: application/json, application/yaml, "
                    + "application/json-patch+json, application/merge-patch+json, "
                    + "application/strategic-merge-patch+json, application/apply-patch+yaml"));
        }
        boolean get = request.method().name().equals("GET");
        if (segments.isEmpty()) {
            return get ? Responses.json(response, 200, rootPaths()) : Mono.error(Responses.notFound());
        }
        String first = segments.get(0);
        if (segments.size() == 1 && List.of("healthz", "livez", "readyz").contains(first)) {
            return response.header("Content-Type", "text/plain").sendString(Mono.just("ok")).then();
        }
        if (segments.size() == 1 && first.equals("version")) {
            return Responses.json(response, 200, Discovery.version());
        }
        if (first.equals("openapi") && get) {
            return openApi(response, segments);
        }
        if (first.equals("api")) {
            if (segments.size() == 1) {
                String format = Discovery.aggregatedFormat(accept);
                return format != null
                        ? Responses.json(response, 200, discovery.aggregated(true, format), format)
                        : Responses.json(response, 200, discovery.coreVersions());
            }
            if (segments.size() == 2) {
                return document(response, discovery.resourceList("", segments.get(1)));
            }
            return resource(request, response, decoder, "", segments.get(1), segments.subList(2, segments.size()));
        }
        if (first.equals("apis")) {
            if (segments.size() == 1) {
                String format = Discovery.aggregatedFormat(accept);
                return format != null
                        ? Responses.json(response, 200, discovery.aggregated(false, format), format)
                        : Responses.json(response, 200, discovery.groupList());
            }
            if (segments.size() == 2) {
                return document(response, discovery.group(segments.get(1)));
            }
            if (segments.size() == 3) {
                return document(response, discovery.resourceList(segments.get(1), segments.get(2)));
            }
            return resource(request, response, decoder, segments.get(1), segments.get(2),
                    segments.subList(3, segments.size()));
        }
        return Mono.error(Responses.notFound());
    }

    private Mono<Void> openApi(HttpServerResponse response, List<String> segments) {
        if (segments.size() == 2 && segments.get(1).equals("v3")) {
            return Responses.json(response, 200, openApi.index());
        }
        if (segments.size() >= 4 && segments.get(1).equals("v3")) {
            boolean core = segments.get(2).equals("api") && segments.size() == 4;
            boolean grouped = segments.get(2).equals("apis") && segments.size() == 5;
            if (core || grouped) {
                ObjectNode doc = core ? openApi.document("", segments.get(3))
                        : openApi.document(segments.get(3), segments.get(4));
                return document(response, doc);
            }
        }
        // No OpenAPI v2: kubectl only falls back to it when v3 is missing.
        return Mono.error(Responses.notFound());
    }

    private static Mono<Void> document(HttpServerResponse response, ObjectNode document) {
        return document == null ? Mono.error(Responses.notFound()) : Responses.json(response, 200, document);
    }

    private Mono<Void> resource(HttpServerRequest request, HttpServerResponse response, QueryStringDecoder decoder,
                                String group, String version, List<String> rest) {
        String namespace = null;
        List<String> parts = rest;
        if (parts.size() >= 3 && parts.get(0).equals("namespaces")
                && !(parts.size() == 3 && List.of("status", "finalize").contains(parts.get(2)))) {
            namespace = parts.get(1);
            parts = parts.subList(2, parts.size());
        }
        if (parts.size() > 3) {
            return Mono.error(Responses.notFound());
        }
        ResourceType type = state.registry.find(group, version, parts.get(0)).orElse(null);
        if (type == null || (!type.namespaced() && namespace != null)
                || (type.namespaced() && namespace == null && parts.size() > 1)) {
            return Mono.error(Responses.notFound());
        }
        String name = parts.size() > 1 ? parts.get(1) : null;
        String sub = parts.size() > 2 ? parts.get(2) : null;
        ResourceRequest r = new ResourceRequest(request.method().name(), type, version, namespace, name, sub,
                decoder.parameters(), request.requestHeaders());
        if (sub != null) {
            return subresource(request, response, r);
        }
        UnaryOperator<ObjectNode> render = renderer(r);
        switch (r.method()) {
            case "GET":
                if (name == null && r.flag("watch")) {
                    requireVerb(type, "watch");
                    return watches.watch(r, response, render);
                }
                if (name == null) {
                    requireVerb(type, "list");
                    ObjectNode list = reads.list(r);
                    return Responses.json(response, 200, r.wantsTable()
                            ? Tables.fromList(type, list, r.param("includeObject"), state.clock.instant()) : list);
                }
                requireVerb(type, "get");
                return Responses.json(response, 200, render.apply(reads.get(r)));
            case "POST":
                if (name != null) {
                    return Mono.error(ApiError.methodNotAllowed("POST is not supported on a named " + type.kind()));
                }
                requireVerb(type, "create");
                return object(request, type).flatMap(body -> Responses.json(response, 201,
                        render.apply(writes.create(r, body))));
            case "PUT":
                requireVerb(type, "update");
                requireName(r);
                return object(request, type).flatMap(body -> Responses.json(response, 200,
                        render.apply(writes.update(r, body))));
            case "PATCH":
                requireVerb(type, "patch");
                requireName(r);
                return body(request).flatMap(body -> Responses.json(response, 200,
                        render.apply(patches.patch(r, request.requestHeaders().get("Content-Type"), body))));
            case "DELETE":
                return body(request).flatMap(body -> {
                    ObjectNode options = body.isBlank() ? null : Json.parseObject(body);
                    if (name == null) {
                        requireVerb(type, "deletecollection");
                        return Responses.json(response, 200, deletes.deleteCollection(r, options));
                    }
                    requireVerb(type, "delete");
                    return Responses.json(response, 200, render.apply(deletes.delete(r, options)));
                });
            default:
                return Mono.error(ApiError.methodNotAllowed("method " + r.method() + " is not supported"));
        }
    }

    private Mono<Void> subresource(HttpServerRequest request, HttpServerResponse response, ResourceRequest r) {
        String sub = r.subresource();
        boolean pods = r.type().group().isEmpty() && r.type().plural().equals("pods");
        if (pods && List.of("log", "exec", "attach", "portforward").contains(sub)) {
            return podStreams.handle(request, response, r);
        }
        boolean status = sub.equals("status") && r.type().statusSubresource();
        boolean scale = sub.equals("scale") && r.type().scale() != null;
        if (!status && !scale) {
            return Mono.error(Responses.notFound());
        }
        UnaryOperator<ObjectNode> render = scale ? UnaryOperator.identity() : renderer(r);
        switch (r.method()) {
            case "GET":
                return Responses.json(response, 200, render.apply(scale ? subresources.getScale(r) : reads.get(r)));
            case "PUT":
                return body(request).flatMap(body -> Responses.json(response, 200, render.apply(scale
                        ? subresources.updateScale(r, Json.parseObject(body))
                        : writes.update(r, Json.parseObject(body)))));
            case "PATCH":
                return body(request).flatMap(body -> Responses.json(response, 200, render.apply(scale
                        ? subresources.patchScale(r, request.requestHeaders().get("Content-Type"), body)
                        : patches.patch(r, request.requestHeaders().get("Content-Type"), body))));
            default:
                return Mono.error(ApiError.methodNotAllowed("method " + r.method() + " is not supported on "
                        + r.type().plural() + "/" + sub));
        }
    }

    private UnaryOperator<ObjectNode> renderer(ResourceRequest r) {
        if (!r.wantsTable()) {
            return UnaryOperator.identity();
        }
        String include = r.param("includeObject");
        return object -> Tables.fromObject(r.type(), Lists.render(r.type(), r.version(), object), include,
                state.clock.instant());
    }

    private static void requireVerb(ResourceType type, String verb) {
        if (!type.allows(verb)) {
            throw ApiError.methodNotAllowed("the server does not allow this method on the requested resource: "
                    + type.plural() + " does not support " + verb);
        }
    }

    private static void requireName(ResourceRequest r) {
        if (r.name() == null) {
            throw ApiError.methodNotAllowed(r.method() + " needs an object name: " + r.type().plural());
        }
    }

    /** The request body as an object: JSON, or the protobuf kubectl's typed generators send. */
    private static Mono<ObjectNode> object(HttpServerRequest request, ResourceType type) {
        String contentType = request.requestHeaders().get("Content-Type");
        if (contentType != null && contentType.contains("application/vnd.kubernetes.protobuf")) {
            return request.receive().aggregate().asByteArray().defaultIfEmpty(new byte[0])
                    .map(bytes -> ProtobufBodies.decode(bytes, type));
        }
        return body(request).map(Json::parseObject);
    }

    private static Mono<String> body(HttpServerRequest request) {
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("");
    }

    private ObjectNode rootPaths() {
        ObjectNode root = Json.MAPPER.createObjectNode();
        var paths = root.putArray("paths");
        List<String> all = new ArrayList<>(Arrays.asList("/api", "/api/v1", "/apis", "/healthz", "/livez",
                "/readyz", "/version"));
        for (var e : state.registry.groups().entrySet()) {
            if (!e.getKey().isEmpty()) {
                all.add("/apis/" + e.getKey());
                e.getValue().forEach(v -> all.add("/apis/" + e.getKey() + "/" + v));
            }
        }
        all.stream().sorted().forEach(paths::add);
        return root;
    }
}
