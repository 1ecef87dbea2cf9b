package io.kreactor.benchmarks.workload;

/**
 * Workload 4's outcome for one client.
 *
 * @param client              which client
 * @param transform           whether a managedFields-dropping transform ran before caching
 * @param cached              objects in the cache at the end
 * @param handled             events its handler saw (initial adds plus updates)
 * @param syncedMillis        start to cache synced
 * @param lastEventMillis     start to the handler seeing the last event's resourceVersion
 * @param retainedBytesPerPod heap retained after GC with the informer running, minus before, per cached pod
 * @param allocatedBytesPerObject bytes the JVM's threads allocated from the start until the last event was handled,
 *                                per object received (initial pods plus events)
 * @param peakRssKib          the JVM's peak RSS
 */
public record InformerResult(String client, boolean transform, int cached, long handled, double syncedMillis,
                             double lastEventMillis, double retainedBytesPerPod, double allocatedBytesPerObject,
                             long peakRssKib) {

    /** One line of JSON, what a child JVM prints for the launcher. */
    public String toJson() {
        return String.format(java.util.Locale.ROOT,
                "{\"client\":\"%s\",\"transform\":%s,\"cached\":%d,\"handled\":%d,\"syncedMillis\":%.1f,"
                        + "\"lastEventMillis\":%.1f,\"retainedBytesPerPod\":%.0f,\"allocatedBytesPerObject\":%.0f,\"peakRssKib\":%d}",
                client, transform, cached, handled, syncedMillis, lastEventMillis, retainedBytesPerPod,
                allocatedBytesPerObject, peakRssKib);
    }
}
