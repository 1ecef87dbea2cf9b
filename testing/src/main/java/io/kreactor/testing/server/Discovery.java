package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The discovery documents: {@code /version}, {@code /api}, {@code /apis}, {@code /apis/{group}}, the
 * {@code APIResourceList} of each group version, and aggregated discovery ({@code apidiscovery.k8s.io/v2} and
 * {@code v2beta1} {@code APIGroupDiscoveryList}) on {@code /api} and {@code /apis} when the Accept header asks for
 * it. Everything is computed from the registry on each request, so CRDs appear as soon as they are registered.
 */
final class Discovery {

    static final String AGGREGATED_V2 = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    static final String AGGREGATED_V2BETA1 =
            "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList";

    private final ResourceRegistry registry;
    private volatile String serverAddress = "127.0.0.1:443";

    Discovery(ResourceRegistry registry) {
        this.registry = registry;
    }

    /** Sets the {@code host:port} advertised in {@code serverAddressByClientCIDRs}, known once the server listens. */
    void serverAddress(String address) {
        this.serverAddress = address;
    }

    static ObjectNode version() {
        ObjectNode v = Json.MAPPER.createObjectNode();
        v.put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-kreactor-embedded")
                .put("gitCommit", "0000000000000000000000000000000000000000").put("gitTreeState", "clean")
                .put("buildDate", "2026-01-01T00:00:00Z").put("goVersion", "go1.23.0").put("compiler", "gc")
                .put("platform", "linux/amd64");
        return v;
    }

    /** Which aggregated format the Accept header asks for, or null for the legacy documents. */
    static String aggregatedFormat(String accept) {
        if (accept == null) {
            return null;
        }
        String compact = accept.replace(" ", "");
        if (compact.contains("g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList")) {
            return AGGREGATED_V2;
        }
        if (compact.contains("g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList")) {
            return AGGREGATED_V2BETA1;
        }
        return null;
    }

    ObjectNode coreVersions() {
        ObjectNode api = Json.MAPPER.createObjectNode();
        api.put("kind", "APIVersions");
        api.putArray("versions").add("v1");
        api.putArray("serverAddressByClientCIDRs").addObject().put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return api;
    }

    ObjectNode groupList() {
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        for (Map.Entry<String, List<String>> e : registry.groups().entrySet()) {
            if (!e.getKey().isEmpty()) {
                groups.add(group(e.getKey(), e.getValue()));
            }
        }
        return list;
    }

    /** The {@code APIGroup} of {@code name}, or null when no such group is served. */
    ObjectNode group(String name) {
        List<String> versions = registry.groups().get(name);
        return versions == null || name.isEmpty() ? null : group(name, versions);
    }

    private static ObjectNode group(String name, List<String> versions) {
        ObjectNode group = Json.MAPPER.createObjectNode();
        group.put("kind", "APIGroup").put("apiVersion", "v1").put("name", name);
        ArrayNode array = group.putArray("versions");
        for (String v : versions) {
            array.addObject().put("groupVersion", name + "/" + v).put("version", v);
        }
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
                .put("version", versions.get(0));
        return group;
    }

    /** The {@code APIResourceList} of one group version, or null when it is not served. */
    ObjectNode resourceList(String group, String version) {
        List<ResourceType> types = registry.inGroupVersion(group, version);
        if (types.isEmpty()) {
            return null;
        }
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : types) {
            ObjectNode r = resources.addObject();
            r.put("name", type.plural()).put("singularName", type.singular()).put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            strings(r.putArray("verbs"), type.verbs());
            if (!type.shortNames().isEmpty()) {
                strings(r.putArray("shortNames"), type.shortNames());
            }
            if (!type.categories().isEmpty()) {
                strings(r.putArray("categories"), type.categories());
            }
            for (Subresource sub : subresources(type, version)) {
                ObjectNode s = resources.addObject();
                s.put("name", type.plural() + "/" + sub.name()).put("singularName", "")
                        .put("namespaced", type.namespaced());
                if (!sub.group().equals(group) || !sub.version().equals(version)) {
                    s.put("group", sub.group()).put("version", sub.version());
                }
                s.put("kind", sub.kind());
                strings(s.putArray("verbs"), sub.verbs());
            }
        }
        return list;
    }

    /** The aggregated document for the core group ({@code /api}) or all other groups ({@code /apis}). */
    ObjectNode aggregated(boolean core, String format) {
        String apiVersion = format.equals(AGGREGATED_V2) ? "apidiscovery.k8s.io/v2" : "apidiscovery.k8s.io/v2beta1";
        ObjectNode list = Json.MAPPER.createObjectNode();
        list.put("kind", "APIGroupDiscoveryList").put("apiVersion", apiVersion);
        list.putObject("metadata");
        ArrayNode items = list.putArray("items");
        for (Map.Entry<String, List<String>> e : registry.groups().entrySet()) {
            if (e.getKey().isEmpty() != core) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.putObject("metadata").put("name", e.getKey()).put("creationTimestamp", (String) null);
            ArrayNode versions = item.putArray("versions");
            for (String version : e.getValue()) {
                ObjectNode v = versions.addObject();
                v.put("version", version);
                ArrayNode resources = v.putArray("resources");
                for (ResourceType type : registry.inGroupVersion(e.getKey(), version)) {
                    ObjectNode r = resources.addObject();
                    r.put("resource", type.plural());
                    r.putObject("responseKind").put("group", type.group()).put("version", version)
                            .put("kind", type.kind());
                    r.put("scope", type.namespaced() ? "Namespaced" : "Cluster")
                            .put("singularResource", type.singular());
                    strings(r.putArray("verbs"), type.verbs());
                    if (!type.shortNames().isEmpty()) {
                        strings(r.putArray("shortNames"), type.shortNames());
                    }
                    if (!type.categories().isEmpty()) {
                        strings(r.putArray("categories"), type.categories());
                    }
                    List<Subresource> subs = subresources(type, version);
                    if (!subs.isEmpty()) {
                        ArrayNode subArray = r.putArray("subresources");
                        for (Subresource sub : subs) {
                            ObjectNode s = subArray.addObject();
                            s.put("subresource", sub.name());
                            s.putObject("responseKind").put("group", sub.group()).put("version", sub.version())
                                    .put("kind", sub.kind());
                            strings(s.putArray("verbs"), sub.verbs());
                        }
                    }
                }
                v.put("freshness", "Current");
            }
        }
        return list;
    }

    private record Subresource(String name, String group, String version, String kind, List<String> verbs) {
    }

    private static List<Subresource> subresources(ResourceType type, String version) {
        List<Subresource> out = new java.util.ArrayList<>();
        List<String> rw = List.of("get", "patch", "update");
        if (type.statusSubresource()) {
            out.add(new Subresource("status", type.group(), version, type.kind(), rw));
        }
        if (type.scale() != null) {
            out.add(new Subresource("scale", "autoscaling", "v1", "Scale", rw));
        }
        if (type.group().isEmpty() && type.plural().equals("pods")) {
            out.add(new Subresource("log", "", "v1", "Pod", List.of("get")));
            out.add(new Subresource("exec", "", "v1", "PodExecOptions", List.of("create", "get")));
            out.add(new Subresource("attach", "", "v1", "PodAttachOptions", List.of("create", "get")));
            out.add(new Subresource("portforward", "", "v1", "PodPortForwardOptions", List.of("create", "get")));
        }
        return out;
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
