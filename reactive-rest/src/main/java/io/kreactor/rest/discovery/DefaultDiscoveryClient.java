package io.kreactor.rest.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.Status;
import io.kreactor.core.errors.ApiException;
import io.kreactor.rest.RawResponse;
import io.kreactor.rest.RestClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@link DiscoveryClient} over a {@link RestClient}. */
final class DefaultDiscoveryClient implements DiscoveryClient {

    /** Aggregated discovery first (v2, then v2beta1), the plain documents last, as client-go asks. */
    static final String ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    /** Group versions fetched at the same time on servers without aggregated discovery. */
    private static final int CONCURRENCY = 8;

    private final RestClient rest;
    /*
     * Readers built up front resolve their deserializers now: resolving one lazily takes a lock inside Jackson,
     * and two event-loop threads decoding /api and /apis at once would then wait on each other.
     */
    private final ObjectReader treeReader;
    private final ObjectReader statusReader;

    DefaultDiscoveryClient(RestClient rest) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.treeReader = rest.objectMapper().readerFor(JsonNode.class);
        this.statusReader = rest.objectMapper().readerFor(Status.class);
    }

    /** One root document ({@code /api} or {@code /apis}) in whichever form the server sent. */
    private record Root(List<ApiGroup> groups, AggregatedDocuments.Groups aggregated) {
    }

    @Override
    public Mono<ServerVersion> serverVersion() {
        return rest.get().absPath("version").retrieve(JsonNode.class)
                .map(node -> LegacyDocuments.version("/version", node));
    }

    @Override
    public Mono<List<ApiGroup>> serverGroups() {
        return roots().map(roots -> {
            List<ApiGroup> groups = new ArrayList<>();
            roots.forEach(root -> groups.addAll(root.groups()));
            return List.copyOf(groups);
        });
    }

    @Override
    public Mono<ApiResourceList> serverResourcesForGroupVersion(GroupVersion gv) {
        Objects.requireNonNull(gv, "groupVersion");
        String path = gv.pathPrefix();
        return rest.get().absPath(path).retrieve(JsonNode.class).map(node -> LegacyDocuments.resources(path, gv, node));
    }

    @Override
    public Mono<DiscoveryResult> discover() {
        return roots().flatMap(roots -> {
            List<ApiGroup> groups = new ArrayList<>();
            Map<GroupVersion, ApiResourceList> resources = new LinkedHashMap<>();
            Map<GroupVersion, Throwable> failed = new LinkedHashMap<>();
            List<GroupVersion> toFetch = new ArrayList<>();
            for (Root root : roots) {
                groups.addAll(root.groups());
                if (root.aggregated() != null) {
                    resources.putAll(root.aggregated().resources());
                    root.aggregated().stale().forEach(gv -> failed.put(gv,
                            new DiscoveryDocumentException("the aggregated discovery entry for " + gv.apiVersion() + " is stale")));
                } else {
                    root.groups().forEach(g -> toFetch.addAll(g.groupVersions()));
                }
            }
            return Flux.fromIterable(toFetch)
                    .flatMapSequential(gv -> serverResourcesForGroupVersion(gv)
                            .map(list -> Map.entry(gv, (Object) list))
                            .onErrorResume(e -> Mono.just(Map.entry(gv, e))), CONCURRENCY)
                    .collectList()
                    .map(fetched -> {
                        for (Map.Entry<GroupVersion, Object> e : fetched) {
                            if (e.getValue() instanceof ApiResourceList list) {
                                resources.put(e.getKey(), list);
                            } else {
                                failed.put(e.getKey(), (Throwable) e.getValue());
                            }
                        }
                        return new DiscoveryResult(groups, ordered(groups, resources), failed);
                    });
        });
    }

    /** The resource lists in group order, then version preference order, whatever order they answered in. */
    private static Map<GroupVersion, ApiResourceList> ordered(List<ApiGroup> groups, Map<GroupVersion, ApiResourceList> resources) {
        Map<GroupVersion, ApiResourceList> out = new LinkedHashMap<>();
        for (ApiGroup g : groups) {
            for (GroupVersion gv : g.groupVersions()) {
                ApiResourceList list = resources.get(gv);
                if (list != null) {
                    out.put(gv, list);
                }
            }
        }
        return out;
    }

    private Mono<List<Root>> roots() {
        return Mono.zip(root("/api", true), root("/apis", false)).map(t -> List.of(t.getT1(), t.getT2()));
    }

    private Mono<Root> root(String path, boolean core) {
        return rest.get().absPath(path).header("Accept", ACCEPT).exchange().map(response -> {
            if (response.statusCode() < 200 || response.statusCode() > 299) {
                throw apiError(response, path);
            }
            JsonNode node = parse(path, response);
            if (AggregatedDocuments.isAggregated(response.header("Content-Type"))) {
                AggregatedDocuments.Groups aggregated = AggregatedDocuments.decode(path, node);
                return new Root(aggregated.groups(), aggregated);
            }
            return new Root(core ? List.of(LegacyDocuments.coreGroup(path, node)) : LegacyDocuments.groups(path, node), null);
        });
    }

    private JsonNode parse(String path, RawResponse response) {
        try {
            return treeReader.readTree(response.body());
        } catch (IOException e) {
            throw new DiscoveryDocumentException("discovery document " + path + " is not JSON: " + e.getMessage(), e);
        }
    }

    private ApiException apiError(RawResponse response, String path) {
        Status status;
        try {
            status = statusReader.readValue(response.body());
        } catch (IOException | RuntimeException e) {
            status = null;
        }
        if (status == null || status.message() == null) {
            status = Status.failure(response.statusCode(), null, "the server answered " + response.statusCode() + " to GET " + path);
        }
        return ApiException.from(status, response.statusCode(), "GET", rest.get().absPath(path).url());
    }

    @Override
    public String toString() {
        return "DiscoveryClient[" + rest + "]";
    }
}
