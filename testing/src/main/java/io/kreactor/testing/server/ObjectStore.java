package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The in-memory storage: every object of every resource, one global revision counter (etcd's), and a bounded
 * history of changes from which watches resume and consistent list snapshots are rebuilt.
 *
 * <p>All state is guarded by this object's monitor. Every operation is a short in-memory step, so holding the
 * monitor on an event-loop thread is cheap and never parks for long. Handlers that read, decide and write run the
 * whole sequence in {@link #atomically(Supplier)}, which is what makes optimistic concurrency exact.
 *
 * <p>Invariant: every change with a revision greater than {@link #compactedRevision()} is in the history, so a
 * watch or a snapshot at any revision {@code >= compactedRevision()} sees every later change exactly once.
 */
final class ObjectStore {

    private final Map<String, TreeMap<String, ObjectNode>> tables = new HashMap<>();
    private final ArrayDeque<Change> history = new ArrayDeque<>();
    private final List<Consumer<Change>> observers = new CopyOnWriteArrayList<>();
    private int historyLimit;
    private long revision;
    private long compactedRevision;

    ObjectStore(int historyLimit) {
        this.historyLimit = Math.max(1, historyLimit);
    }

    /** Runs {@code work} holding the store's monitor, so reads and writes inside it are one atomic step. */
    synchronized <T> T atomically(Supplier<T> work) {
        return work.get();
    }

    /** Adds an observer called, under the monitor, after every commit and after watchers were notified. */
    void observe(Consumer<Change> observer) {
        observers.add(observer);
    }

    synchronized long revision() {
        return revision;
    }

    synchronized long compactedRevision() {
        return compactedRevision;
    }

    synchronized ObjectNode get(String groupResource, String key) {
        TreeMap<String, ObjectNode> table = tables.get(groupResource);
        return table == null ? null : table.get(key);
    }

    /** The live objects of a resource, sorted by key. A copy: later writes do not show in it. */
    synchronized NavigableMap<String, ObjectNode> current(String groupResource) {
        TreeMap<String, ObjectNode> table = tables.get(groupResource);
        return table == null ? new TreeMap<>() : new TreeMap<>(table);
    }

    /**
     * The objects of a resource as they were at {@code atRevision}, rebuilt by undoing later changes from the
     * history; {@code null} when that revision is older than the compacted history.
     */
    synchronized NavigableMap<String, ObjectNode> snapshot(String groupResource, long atRevision) {
        if (atRevision < compactedRevision) {
            return null;
        }
        TreeMap<String, ObjectNode> state = new TreeMap<>(tables.getOrDefault(groupResource, new TreeMap<>()));
        Iterator<Change> newestFirst = history.descendingIterator();
        while (newestFirst.hasNext()) {
            Change change = newestFirst.next();
            if (change.revision() <= atRevision) {
                break;
            }
            if (!change.groupResource().equals(groupResource)) {
                continue;
            }
            if (change.previous() == null) {
                state.remove(change.key());
            } else {
                state.put(change.key(), change.previous());
            }
        }
        return state;
    }

    /** The changes after {@code afterRevision}, oldest first; {@code null} when some of them were compacted away. */
    synchronized List<Change> changesSince(long afterRevision) {
        if (afterRevision < compactedRevision) {
            return null;
        }
        List<Change> out = new ArrayList<>();
        Iterator<Change> newestFirst = history.descendingIterator();
        while (newestFirst.hasNext()) {
            Change change = newestFirst.next();
            if (change.revision() <= afterRevision) {
                break;
            }
            out.add(change);
        }
        Collections.reverse(out);
        return out;
    }

    /**
     * Stores {@code object} under {@code key} (creating or replacing it), giving it the next revision.
     * The caller hands over ownership: {@code object} must not be changed afterwards.
     */
    synchronized Change put(String groupResource, String key, ObjectNode object) {
        TreeMap<String, ObjectNode> table = tables.computeIfAbsent(groupResource, g -> new TreeMap<>());
        ObjectNode previous = table.get(key);
        long rv = ++revision;
        Json.meta(object).set("resourceVersion", new TextNode(Long.toString(rv)));
        table.put(key, object);
        return record(new Change(rv, previous == null ? "ADDED" : "MODIFIED", groupResource, key, object, previous));
    }

    /** Removes the object under {@code key}, giving the deletion the next revision; null when there was none. */
    synchronized Change remove(String groupResource, String key) {
        return remove(groupResource, key, null);
    }

    /**
     * Removes the object under {@code key}; the DELETED change carries {@code finalState} (the stored object when
     * null), as when an update that empties the finalizers of an object being deleted deletes it in one step.
     */
    synchronized Change remove(String groupResource, String key, ObjectNode finalState) {
        TreeMap<String, ObjectNode> table = tables.get(groupResource);
        ObjectNode previous = table == null ? null : table.remove(key);
        if (previous == null) {
            return null;
        }
        long rv = ++revision;
        ObjectNode last = (finalState == null ? previous : finalState).deepCopy();
        Json.meta(last).set("resourceVersion", new TextNode(Long.toString(rv)));
        return record(new Change(rv, "DELETED", groupResource, key, last, previous));
    }

    /** Forgets all history: every earlier revision becomes too old for watches, snapshots and continue tokens. */
    synchronized void compact() {
        history.clear();
        compactedRevision = revision;
    }

    synchronized void historyLimit(int limit) {
        historyLimit = Math.max(1, limit);
        trim();
    }

    private Change record(Change change) {
        history.addLast(change);
        trim();
        for (Consumer<Change> observer : observers) {
            observer.accept(change);
        }
        return change;
    }

    private void trim() {
        while (history.size() > historyLimit) {
            compactedRevision = history.removeFirst().revision();
        }
    }
}
