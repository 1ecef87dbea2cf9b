package io.kreactor.benchmarks.workload;

/**
 * Workload 5's outcome for one client and protocol.
 *
 * @param client          which client
 * @param protocol        {@code http/1.1} or {@code h2c}
 * @param watches         concurrent watches held open
 * @param events          events received (watches × ticks)
 * @param threadsBefore   live JVM threads before the client was created
 * @param threads         live JVM threads with every watch open
 * @param connections     TCP connections the data server saw open for this client
 * @param heapBytes       heap retained after GC with the watches open, minus before
 * @param latencyP50Micros median server-send to handler latency
 * @param latencyP99Micros 99th percentile of it
 * @param peakRssKib      the JVM's peak RSS
 */
public record ManyWatchesResult(String client, String protocol, int watches, long events, int threadsBefore,
                                int threads, int connections, long heapBytes, long latencyP50Micros,
                                long latencyP99Micros, long peakRssKib) {

    /** One line of JSON, what a child JVM prints for the launcher. */
    public String toJson() {
        return String.format(java.util.Locale.ROOT,
                "{\"client\":\"%s\",\"protocol\":\"%s\",\"watches\":%d,\"events\":%d,\"threadsBefore\":%d,\"threads\":%d,"
                        + "\"connections\":%d,\"heapBytes\":%d,\"latencyP50Micros\":%d,\"latencyP99Micros\":%d,\"peakRssKib\":%d}",
                client, protocol, watches, events, threadsBefore, threads, connections, heapBytes,
                latencyP50Micros, latencyP99Micros, peakRssKib);
    }
}
