package io.kreactor.rest.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import io.kreactor.core.api.GroupVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the per-group discovery documents every server serves: {@code APIVersions} ({@code /api}),
 * {@code APIGroupList} ({@code /apis}), {@code APIResourceList} ({@code /api/v1}, {@code /apis/{g}/{v}}) and
 * {@code version.Info} ({@code /version}).
 */
final class LegacyDocuments {

    private LegacyDocuments() {
    }

    static ServerVersion version(String path, JsonNode node) {
        DocumentReader r = new DocumentReader(path);
        r.requireObject(node, "the document");
        return new ServerVersion(r.optionalText(node, "major", "the document", ""), r.optionalText(node, "minor", "the document", ""),
                r.requiredText(node, "gitVersion", "the document"), r.optionalText(node, "gitCommit", "the document", null),
                r.optionalText(node, "buildDate", "the document", null), r.optionalText(node, "goVersion", "the document", null),
                r.optionalText(node, "platform", "the document", null));
    }

    /** The core group from an {@code APIVersions} document. */
    static ApiGroup coreGroup(String path, JsonNode node) {
        DocumentReader r = new DocumentReader(path);
        r.requireObject(node, "the document");
        List<String> versions = r.stringList(node, "versions", "the document");
        if (versions.isEmpty()) {
            throw r.error("the document has no \"versions\"");
        }
        return new ApiGroup("", versions, versions.get(0));
    }

    static List<ApiGroup> groups(String path, JsonNode node) {
        DocumentReader r = new DocumentReader(path);
        r.requireObject(node, "the document");
        List<ApiGroup> out = new ArrayList<>();
        List<JsonNode> groups = r.array(node, "groups", "the document", false);
        for (int i = 0; i < groups.size(); i++) {
            String where = "groups[" + i + "]";
            JsonNode g = r.requireObject(groups.get(i), where);
            String name = r.requiredText(g, "name", where);
            List<String> versions = new ArrayList<>();
            List<JsonNode> vs = r.array(g, "versions", where, true);
            for (int j = 0; j < vs.size(); j++) {
                versions.add(r.requiredText(r.requireObject(vs.get(j), where + ".versions[" + j + "]"), "version",
                        where + ".versions[" + j + "]"));
            }
            JsonNode preferred = g.get("preferredVersion");
            String preferredVersion = preferred != null && preferred.isObject()
                    ? r.requiredText(preferred, "version", where + ".preferredVersion") : null;
            out.add(new ApiGroup(name, versions, preferredVersion));
        }
        return out;
    }

    static ApiResourceList resources(String path, GroupVersion gv, JsonNode node) {
        DocumentReader r = new DocumentReader(path);
        r.requireObject(node, "the document");
        List<ApiResource> out = new ArrayList<>();
        List<JsonNode> resources = r.array(node, "resources", "the document", false);
        for (int i = 0; i < resources.size(); i++) {
            String where = "resources[" + i + "]";
            JsonNode n = r.requireObject(resources.get(i), where);
            String name = r.requiredText(n, "name", where);
            String kind = r.requiredText(n, "kind", where);
            JsonNode namespaced = n.get("namespaced");
            // A resource may be served by another group's version (the "group"/"version" overrides).
            out.add(new ApiResource(name, r.optionalText(n, "singularName", where, ""),
                    namespaced != null && namespaced.asBoolean(),
                    nonEmpty(r.optionalText(n, "group", where, null), gv.group()),
                    nonEmpty(r.optionalText(n, "version", where, null), gv.version()), kind,
                    r.stringList(n, "verbs", where), r.stringList(n, "shortNames", where),
                    r.stringList(n, "categories", where)));
        }
        return new ApiResourceList(gv, out);
    }

    private static String nonEmpty(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
