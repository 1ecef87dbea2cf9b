package io.kreactor.testing.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of open watches. It observes the store and fans every change out to the watchers of that
 * resource; each watcher filters and buffers on its own, so the hub never waits for a slow client.
 */
final class WatchHub {

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    /** Hands a committed change to the watchers of its resource. Called under the store's monitor. */
    void dispatch(Change change) {
        for (Watcher watcher : watchers) {
            if (watcher.groupResource().equals(change.groupResource())) {
                watcher.offer(change);
            }
        }
    }

    void add(Watcher watcher) {
        watchers.add(watcher);
    }

    void remove(Watcher watcher) {
        watchers.remove(watcher);
    }

    /** A snapshot of the open watchers. */
    List<Watcher> watchers() {
        return List.copyOf(watchers);
    }

    int size() {
        return watchers.size();
    }
}
