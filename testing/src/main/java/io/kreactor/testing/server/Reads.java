package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * GET of one object and LIST of a collection, with the resourceVersion semantics of the API concepts docs:
 * unset is the most recent state, {@code 0} any state (here: the most recent), {@code NotOlderThan} at least the
 * given revision (504 when it is in the future), {@code Exact} the state at exactly that revision (rebuilt from the
 * history; 410 when compacted). {@code limit}/{@code continue} page through one snapshot.
 */
final class Reads {

    private final ServerState state;
    private final ContinueTokens tokens;

    Reads(ServerState state, ContinueTokens tokens) {
        this.state = state;
        this.tokens = tokens;
    }

    ObjectNode get(ResourceRequest request) {
        ObjectNode object = state.store.get(request.groupResource(), request.key(request.name()));
        if (object == null) {
            throw ApiError.notFound(request.type(), request.name());
        }
        return Lists.render(request.type(), request.version(), object);
    }

    ObjectNode list(ResourceRequest request) {
        ResourceType type = request.type();
        LabelSelector labels = LabelSelector.parse(request.param("labelSelector"));
        FieldSelector fields = FieldSelector.parse(request.param("fieldSelector"), type);
        long limit = parseLimit(request.param("limit"));
        String continueParam = request.param("continue");
        String rvParam = request.param("resourceVersion");
        String match = request.param("resourceVersionMatch");
        return state.store.atomically(() -> {
            long revision;
            String startAfter = null;
            NavigableMap<String, ObjectNode> objects;
            if (continueParam != null && !continueParam.isEmpty()) {
                if (rvParam != null && !rvParam.isEmpty() && !rvParam.equals("0")) {
                    throw ApiError.badRequest("specifying resource version is not allowed when using continue");
                }
                ContinueTokens.Token token = tokens.decode(continueParam);
                objects = tokens.isExpired(token) ? null : state.store.snapshot(request.groupResource(),
                        token.revision());
                if (objects == null) {
                    throw ApiError.expired(ContinueTokens.EXPIRED_MESSAGE);
                }
                revision = token.revision();
                startAfter = token.startAfter();
            } else {
                revision = state.store.revision();
                objects = readAt(request, rvParam, match);
                if ("Exact".equals(match)) {
                    revision = ResourceVersions.parse(rvParam);
                }
            }
            String prefix = type.namespaced() && request.namespace() != null ? request.namespace() + "/" : null;
            NavigableMap<String, ObjectNode> range = objects;
            if (prefix != null) {
                range = range.subMap(prefix, true, prefix.substring(0, prefix.length() - 1) + "0", false);
            }
            if (startAfter != null) {
                range = new java.util.TreeMap<>(range).tailMap(startAfter, false);
            }
            List<ObjectNode> items = new ArrayList<>();
            String lastKey = null;
            long remaining = 0;
            boolean full = false;
            for (Map.Entry<String, ObjectNode> e : range.entrySet()) {
                if (!labels.test(e.getValue()) || !fields.test(e.getValue())) {
                    continue;
                }
                if (full) {
                    remaining++;
                    continue;
                }
                items.add(e.getValue());
                lastKey = e.getKey();
                if (limit > 0 && items.size() == limit) {
                    full = true;
                }
            }
            String next = remaining > 0 ? tokens.encode(revision, lastKey) : null;
            Long remainingCount = remaining > 0 && labels.isEverything() && fields.isEverything() ? remaining : null;
            return Lists.list(type, request.version(), Long.toString(revision), next, remainingCount, items);
        });
    }

    private NavigableMap<String, ObjectNode> readAt(ResourceRequest request, String rvParam, String match) {
        if (rvParam == null || rvParam.isEmpty()) {
            if (match != null && !match.isEmpty()) {
                throw ApiError.badRequest("resourceVersionMatch: Forbidden: resourceVersionMatch is forbidden unless "
                        + "resourceVersion is provided");
            }
            return state.store.current(request.groupResource());
        }
        long requested = ResourceVersions.parse(rvParam);
        if (match == null || match.isEmpty() || match.equals("NotOlderThan")) {
            if (requested > state.store.revision()) {
                throw ApiError.resourceVersionTooLarge(requested, state.store.revision());
            }
            return state.store.current(request.groupResource());
        }
        if (!match.equals("Exact")) {
            throw ApiError.badRequest("resourceVersionMatch: Unsupported value: \"" + match
                    + "\": supported values: \"Exact\", \"NotOlderThan\"");
        }
        if (requested == 0) {
            throw ApiError.badRequest("resourceVersionMatch: Forbidden: resourceVersionMatch \"Exact\" is forbidden "
                    + "for resourceVersion \"0\"");
        }
        if (requested > state.store.revision()) {
            throw ApiError.resourceVersionTooLarge(requested, state.store.revision());
        }
        NavigableMap<String, ObjectNode> snapshot = state.store.snapshot(request.groupResource(), requested);
        if (snapshot == null) {
            throw ApiError.expired("too old resource version: " + requested + " (" + state.store.compactedRevision()
                    + ")");
        }
        return snapshot;
    }

    private static long parseLimit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(limit));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("limit: invalid value \"" + limit + "\": not an integer");
        }
    }
}
