package io.kreactor.benchmarks.clients;

/**
 * What a client decoded, enough to check it decoded the right thing: how many objects, and the first and last
 * object's name and resourceVersion.
 *
 * @param count                how many pods (list items or watch events)
 * @param firstName            the first pod's metadata.name
 * @param lastName             the last pod's metadata.name
 * @param lastResourceVersion  the last pod's metadata.resourceVersion
 */
public record Decoded(int count, String firstName, String lastName, String lastResourceVersion) {

    /** Accumulates {@link Decoded} one pod at a time; not thread-safe (each stream is sequential). */
    public static final class Counter {
        private int count;
        private String first;
        private String last;
        private String lastRv;

        /** Counts one pod. */
        public void add(String name, String resourceVersion) {
            if (count++ == 0) {
                first = name;
            }
            last = name;
            lastRv = resourceVersion;
        }

        /** The result so far. */
        public Decoded result() {
            return new Decoded(count, first, last, lastRv);
        }

        /** Pods counted so far. */
        public int count() {
            return count;
        }
    }
}
