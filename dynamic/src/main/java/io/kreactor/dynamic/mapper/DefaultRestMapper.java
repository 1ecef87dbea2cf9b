package io.kreactor.dynamic.mapper;

import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.GroupVersionKind;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.rest.discovery.ApiGroup;
import io.kreactor.rest.discovery.ApiResource;
import io.kreactor.rest.discovery.ApiResourceList;
import io.kreactor.rest.discovery.CachedDiscoveryClient;
import io.kreactor.rest.discovery.DiscoveryResult;
import io.kreactor.rest.discovery.GroupDiscoveryFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/** The {@link RestMapper} over a {@link CachedDiscoveryClient}: lookups in the cached result, one refresh on a miss. */
final class DefaultRestMapper implements RestMapper {

    private final CachedDiscoveryClient discovery;

    DefaultRestMapper(CachedDiscoveryClient discovery) {
        this.discovery = Objects.requireNonNull(discovery, "discovery");
    }

    /** One reading of a resource argument: a name, maybe a version, maybe a group (null: any group). */
    private record Query(String name, String version, String group) {
    }

    @Override
    public Mono<RestMapping> mapping(GroupVersionKind gvk) {
        Objects.requireNonNull(gvk, "gvk");
        return lookup(result -> find(result, gvk.group(), gvk.version(), r -> r.kind().equals(gvk.kind())),
                result -> new NoKindMatchException(gvk.group(), gvk.kind(), gvk.version(), failures(result)));
    }

    @Override
    public Mono<RestMapping> mapping(String group, String kind) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(kind, "kind");
        return lookup(result -> find(result, group, "", r -> r.kind().equals(kind)),
                result -> new NoKindMatchException(group, kind, null, failures(result)));
    }

    @Override
    public Mono<GroupVersionKind> kindFor(GroupVersionResource gvr) {
        Objects.requireNonNull(gvr, "gvr");
        String name = gvr.resource().toLowerCase(Locale.ROOT);
        return lookup(result -> find(result, gvr.group(), gvr.version(), r -> r.name().equals(name)),
                result -> new NoResourceMatchException(gvr.toString(), failures(result)))
                .map(RestMapping::kind);
    }

    @Override
    public Mono<RestMapping> resolve(String resourceArg) {
        Objects.requireNonNull(resourceArg, "resourceArg");
        if (resourceArg.isBlank()) {
            return Mono.error(new IllegalArgumentException("a resource name is required"));
        }
        List<Query> queries = queries(resourceArg.trim());
        return lookup(result -> {
            for (Query q : queries) {
                Optional<RestMapping> m = resolve(result, q);
                if (m.isPresent()) {
                    return m;
                }
            }
            return Optional.empty();
        }, result -> new NoResourceMatchException(resourceArg, failures(result)));
    }

    /**
     * kubectl's readings of {@code arg}: {@code resource.version.group} when it has three or more parts, then
     * {@code resource.group}, then the whole argument as a name in any group. Kinds keep their case.
     */
    private static List<Query> queries(String arg) {
        List<Query> out = new ArrayList<>();
        String[] parts = arg.split("\\.");
        if (parts.length >= 3) {
            out.add(new Query(parts[0], parts[1], arg.substring(parts[0].length() + parts[1].length() + 2)));
        }
        if (parts.length >= 2) {
            out.add(new Query(parts[0], "", arg.substring(parts[0].length() + 1)));
        }
        out.add(new Query(arg, "", null));
        return out;
    }

    private static Optional<RestMapping> resolve(DiscoveryResult result, Query q) {
        String lower = q.name().toLowerCase(Locale.ROOT);
        // Plural and singular names first, then short names, then kinds, each across all groups in discovery order.
        List<Predicate<ApiResource>> passes = List.of(
                r -> r.name().equals(lower) || r.singularName().equals(lower),
                r -> r.shortNames().contains(lower),
                r -> r.kind().equalsIgnoreCase(q.name()));
        for (Predicate<ApiResource> pass : passes) {
            Optional<RestMapping> m = find(result, q.group(), q.version(), pass);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /**
     * The first top-level resource matching {@code test} in {@code group} (any group when null), at {@code version}
     * or, when it is empty, in each group's versions from most to least preferred.
     */
    private static Optional<RestMapping> find(DiscoveryResult result, String group, String version, Predicate<ApiResource> test) {
        for (ApiGroup g : result.groups()) {
            if (group != null && !g.name().equals(group)) {
                continue;
            }
            List<String> versions = version == null || version.isEmpty() ? g.versions() : List.of(version);
            for (String v : versions) {
                Optional<ApiResourceList> list = result.resources(new GroupVersion(g.name(), v));
                if (list.isEmpty()) {
                    continue;
                }
                for (ApiResource r : list.get().resources()) {
                    if (!r.isSubresource() && test.test(r)) {
                        return Optional.of(RestMapping.of(r));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private <T> Mono<T> lookup(Function<DiscoveryResult, Optional<T>> find, Function<DiscoveryResult, Throwable> miss) {
        return discovery.discover().flatMap(cached -> find.apply(cached).map(Mono::just).orElseGet(() -> {
            // The server may have gained the kind (a new CRD) since discovery was cached: look once more.
            discovery.invalidate();
            return discovery.discover().flatMap(fresh -> find.apply(fresh).map(Mono::just)
                    .orElseGet(() -> Mono.error(miss.apply(fresh))));
        }));
    }

    private static Throwable failures(DiscoveryResult result) {
        return result.isComplete() ? null : new GroupDiscoveryFailedException(result);
    }

    @Override
    public String toString() {
        return "RestMapper[" + discovery + "]";
    }
}
