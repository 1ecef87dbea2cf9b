package io.kreactor.rest.discovery;

import io.kreactor.core.api.GroupVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything discovery found: the groups, the resources of every group version that answered, and the group
 * versions that did not, each with its cause. A result with failures is partial, as client-go's
 * {@code ServerGroupsAndResources} returns its lists together with an {@code ErrGroupDiscoveryFailed}.
 *
 * @param groups    every group, in the server's order (the core group first)
 * @param resources the resources of each group version that answered, in discovery order
 * @param failed    the group versions that failed, with the cause of each
 */
public record DiscoveryResult(List<ApiGroup> groups, Map<GroupVersion, ApiResourceList> resources,
                              Map<GroupVersion, Throwable> failed) {

    /** Copies the lists and maps, keeping their order. */
    public DiscoveryResult {
        groups = List.copyOf(groups);
        resources = Collections.unmodifiableMap(new LinkedHashMap<>(resources));
        failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed));
    }

    /** Whether every group version answered. */
    public boolean isComplete() {
        return failed.isEmpty();
    }

    /**
     * This result when complete.
     *
     * @throws GroupDiscoveryFailedException carrying this partial result when a group version failed
     */
    public DiscoveryResult orThrow() {
        if (!failed.isEmpty()) {
            throw new GroupDiscoveryFailedException(this);
        }
        return this;
    }

    /** The group named {@code name} (empty for core), if served. */
    public Optional<ApiGroup> group(String name) {
        Objects.requireNonNull(name, "name");
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The resources of {@code gv}, if it answered. */
    public Optional<ApiResourceList> resources(GroupVersion gv) {
        return Optional.ofNullable(resources.get(gv));
    }

    /**
     * The resources of each group's preferred version that answered (client-go's
     * {@code ServerPreferredResources}), in group order.
     */
    public List<ApiResourceList> preferredResources() {
        List<ApiResourceList> out = new ArrayList<>();
        for (ApiGroup g : groups) {
            ApiResourceList list = resources.get(g.preferredGroupVersion());
            if (list != null) {
                out.add(list);
            }
        }
        return out;
    }

    /** Every resource and subresource of every version that answered, most preferred version of each group first. */
    public List<ApiResource> allResources() {
        List<ApiResource> out = new ArrayList<>();
        for (ApiGroup g : groups) {
            for (GroupVersion gv : g.groupVersions()) {
                ApiResourceList list = resources.get(gv);
                if (list != null) {
                    out.addAll(list.resources());
                }
            }
        }
        return out;
    }
}
