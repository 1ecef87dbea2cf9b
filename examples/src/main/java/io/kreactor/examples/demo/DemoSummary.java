package io.kreactor.examples.demo;

import java.time.Duration;

/**
 * What the demo did, for the closing summary and for the test that runs the demo.
 *
 * @param namespace    the namespace the demo worked in
 * @param created      ConfigMaps created
 * @param listed       ConfigMaps seen by the streaming list
 * @param watchEvents  watch events received
 * @param cached       objects in the informer's cache once synced
 * @param reconciles   reconcile calls made by the controller
 * @param writes       writes those reconciles sent
 * @param elapsed      how long the demo took
 */
public record DemoSummary(String namespace, long created, long listed, int watchEvents, int cached, int reconciles,
                          int writes, Duration elapsed) {

    /** Collects the numbers as the steps produce them. */
    static final class Builder {
        private final String namespace;
        private volatile long created;
        private volatile long listed;
        private volatile int watchEvents;
        private volatile int cached;
        private volatile int reconciles;
        private volatile int writes;

        Builder(String namespace) {
            this.namespace = namespace;
        }

        void created(long count) {
            created = count;
        }

        void listed(long count) {
            listed = count;
        }

        void watched(int events) {
            watchEvents = events;
        }

        void cached(int objects) {
            cached = objects;
        }

        void reconciled(int count, int writeCount) {
            reconciles = count;
            writes = writeCount;
        }

        DemoSummary build(Duration elapsed) {
            return new DemoSummary(namespace, created, listed, watchEvents, cached, reconciles, writes, elapsed);
        }
    }
}
