package io.kreactor.rest.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.GroupVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes aggregated discovery ({@code apidiscovery.k8s.io/v2} and {@code v2beta1} {@code APIGroupDiscoveryList}):
 * every group with every version and its resources in one document. Versions are listed most preferred first.
 * A version whose {@code freshness} is {@code Stale} is reported as failed, as client-go does.
 */
final class AggregatedDocuments {

    /** The media type parameter that marks an aggregated document. */
    static final String AS_GROUP_DISCOVERY_LIST = "as=APIGroupDiscoveryList";

    /** What one aggregated document holds. */
    record Groups(List<ApiGroup> groups, Map<GroupVersion, ApiResourceList> resources, Set<GroupVersion> stale) {
    }

    private AggregatedDocuments() {
    }

    static boolean isAggregated(String contentType) {
        return contentType != null && contentType.replace(" ", "").contains(AS_GROUP_DISCOVERY_LIST);
    }

    static Groups decode(String path, JsonNode node) {
        DocumentReader r = new DocumentReader(path);
        r.requireObject(node, "the document");
        List<ApiGroup> groups = new ArrayList<>();
        Map<GroupVersion, ApiResourceList> resources = new LinkedHashMap<>();
        Set<GroupVersion> stale = new LinkedHashSet<>();
        List<JsonNode> items = r.array(node, "items", "the document", false);
        for (int i = 0; i < items.size(); i++) {
            String where = "items[" + i + "]";
            JsonNode item = r.requireObject(items.get(i), where);
            JsonNode metadata = item.get("metadata");
            // The core group's name is empty and may be omitted.
            String group = metadata == null || metadata.isNull() ? "" : r.optionalText(metadata, "name", where + ".metadata", "");
            List<String> versions = new ArrayList<>();
            List<JsonNode> vs = r.array(item, "versions", where, true);
            for (int j = 0; j < vs.size(); j++) {
                String vWhere = where + ".versions[" + j + "]";
                JsonNode v = r.requireObject(vs.get(j), vWhere);
                String version = r.requiredText(v, "version", vWhere);
                versions.add(version);
                GroupVersion gv = new GroupVersion(group, version);
                if ("Stale".equals(r.optionalText(v, "freshness", vWhere, "Current"))) {
                    stale.add(gv);
                    continue;
                }
                resources.put(gv, resourceList(r, gv, v, vWhere));
            }
            groups.add(new ApiGroup(group, versions, versions.isEmpty() ? null : versions.get(0)));
        }
        return new Groups(groups, resources, stale);
    }

    private static ApiResourceList resourceList(DocumentReader r, GroupVersion gv, JsonNode version, String where) {
        List<ApiResource> out = new ArrayList<>();
        List<JsonNode> resources = r.array(version, "resources", where, false);
        for (int k = 0; k < resources.size(); k++) {
            String rWhere = where + ".resources[" + k + "]";
            JsonNode n = r.requireObject(resources.get(k), rWhere);
            String name = r.requiredText(n, "resource", rWhere);
            String kind = kind(r, n, rWhere);
            boolean namespaced = "Namespaced".equals(r.requiredText(n, "scope", rWhere));
            List<String> verbs = r.stringList(n, "verbs", rWhere);
            out.add(new ApiResource(name, r.optionalText(n, "singularResource", rWhere, ""), namespaced, gv.group(),
                    gv.version(), kind, verbs, r.stringList(n, "shortNames", rWhere), r.stringList(n, "categories", rWhere)));
            List<JsonNode> subs = r.array(n, "subresources", rWhere, false);
            for (int s = 0; s < subs.size(); s++) {
                String sWhere = rWhere + ".subresources[" + s + "]";
                JsonNode sub = r.requireObject(subs.get(s), sWhere);
                String subName = r.requiredText(sub, "subresource", sWhere);
                JsonNode responseKind = sub.get("responseKind");
                String subKind = responseKind != null && responseKind.isObject()
                        ? r.optionalText(responseKind, "kind", sWhere + ".responseKind", kind) : kind;
                out.add(new ApiResource(name + "/" + subName, "", namespaced, gv.group(), gv.version(), subKind,
                        r.stringList(sub, "verbs", sWhere), List.of(), List.of()));
            }
        }
        return new ApiResourceList(gv, out);
    }

    private static String kind(DocumentReader r, JsonNode resource, String where) {
        JsonNode responseKind = resource.get("responseKind");
        if (responseKind == null || !responseKind.isObject()) {
            throw r.error(where + " has no \"responseKind\"");
        }
        return r.requiredText(responseKind, "kind", where + ".responseKind");
    }
}
