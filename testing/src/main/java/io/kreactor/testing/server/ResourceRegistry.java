package io.kreactor.testing.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The resources the server serves right now: the built-in table plus CustomResourceDefinitions registered at run
 * time. Discovery and the router both read from here, so a CRD becomes reachable the moment it is registered.
 */
final class ResourceRegistry {

    /** Keyed by {@code group/plural}; insertion order gives a stable discovery order. */
    private final Map<String, ResourceType> byGroupResource = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, String> crdOwners = new ConcurrentHashMap<>();
    /** {@code group/plural} → the CRD's structural schema (storage version), for server-side apply merge rules. */
    private final Map<String, com.fasterxml.jackson.databind.JsonNode> schemas = new ConcurrentHashMap<>();

    ResourceRegistry(List<ResourceType> initial) {
        initial.forEach(this::register);
    }

    static String key(String group, String plural) {
        return group + "/" + plural;
    }

    void register(ResourceType type) {
        byGroupResource.put(key(type.group(), type.plural()), type);
    }

    /** Registers a type that a CRD object named {@code crdName} defines, replacing an earlier definition. */
    void registerFromCrd(String crdName, ResourceType type, com.fasterxml.jackson.databind.JsonNode schema) {
        register(type);
        String key = key(type.group(), type.plural());
        crdOwners.put(crdName, key);
        if (schema == null) {
            schemas.remove(key);
        } else {
            schemas.put(key, schema);
        }
    }

    /** The openAPIV3Schema of the CRD that defines {@code group/plural}, if any. */
    Optional<com.fasterxml.jackson.databind.JsonNode> schema(String groupResource) {
        return Optional.ofNullable(schemas.get(groupResource));
    }

    /** Removes the type the CRD named {@code crdName} defined, if any, returning it. */
    Optional<ResourceType> unregisterCrd(String crdName) {
        String key = crdOwners.remove(crdName);
        if (key == null) {
            return Optional.empty();
        }
        schemas.remove(key);
        return Optional.ofNullable(byGroupResource.remove(key));
    }

    /** The type for {@code group/version/plural}, if that version is served. */
    Optional<ResourceType> find(String group, String version, String plural) {
        ResourceType type = byGroupResource.get(key(group, plural));
        return type != null && type.versions().contains(version) ? Optional.of(type) : Optional.empty();
    }

    /** The type for {@code group/plural} in any version. */
    Optional<ResourceType> find(String group, String plural) {
        return Optional.ofNullable(byGroupResource.get(key(group, plural)));
    }

    /** A snapshot of every served type. */
    List<ResourceType> all() {
        synchronized (byGroupResource) {
            return new ArrayList<>(byGroupResource.values());
        }
    }

    /** Group name → served versions (preferred first), in first-registration order; the core group is "". */
    Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (ResourceType type : all()) {
            List<String> versions = groups.computeIfAbsent(type.group(), g -> new ArrayList<>());
            for (String v : type.versions()) {
                if (!versions.contains(v)) {
                    versions.add(v);
                }
            }
        }
        return groups;
    }

    /** The types served in {@code group/version}. */
    List<ResourceType> inGroupVersion(String group, String version) {
        List<ResourceType> out = new ArrayList<>();
        for (ResourceType type : all()) {
            if (type.group().equals(group) && type.versions().contains(version)) {
                out.add(type);
            }
        }
        return out;
    }
}
