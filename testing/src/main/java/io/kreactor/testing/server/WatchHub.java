package io.kreactor.testing.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of open watches. It observes the store and fans every change out to the watchers of that
 * resource; each watcher filters and buffers on its own, so the hub never waits for a slow client.
 */
final class WatchHub {

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Adds a callback run whenever a watch opens or closes. */
    void onChange(Runnable listener) {
        listeners.add(listener);
    }

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
        listeners.forEach(Runnable::run);
    }

    void remove(Watcher watcher) {
        if (watchers.remove(watcher)) {
            listeners.forEach(Runnable::run);
        }
    }

    /** A snapshot of the open watchers. */
    List<Watcher> watchers() {
        return List.copyOf(watchers);
    }

    int size() {
        return watchers.size();
    }
}
