package io.kreactor.benchmarks.workload;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Measuring helpers for the single-shot workloads (run on the caller's thread, never on an event loop). */
final class Measure {

    private static final Pattern NUMBER = Pattern.compile("\"%s\":(\\d+)");

    private Measure() {
    }

    /** Heap in use after full collections, so only reachable objects count. */
    static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Runtime rt = Runtime.getRuntime();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }

    /**
     * Bytes allocated so far by the JVM's live threads (HotSpot's per-thread counters). A thread that ended since
     * an earlier reading takes its share with it, so a difference of two readings counts what the threads alive at
     * the second one allocated: every thread of a running client, none of a finished one.
     */
    static long allocatedBytes() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            total += Math.max(bytes, 0); // -1 for a thread that ended while being read
        }
        return total;
    }

    /** Live threads in this JVM. */
    static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * Waits, polling every millisecond, until {@code condition} holds.
     *
     * @throws IllegalStateException naming {@code what} after {@code timeoutMillis}
     */
    static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeoutMillis + " ms waiting for " + what);
            }
            Thread.sleep(1);
        }
    }

    /** GETs {@code /bench/stats} from the data server (own short-lived connection) and returns one number. */
    static int stat(String serverUrl, String name) throws IOException {
        String body = call(serverUrl + "/bench/stats", "GET");
        Matcher m = Pattern.compile(String.format(NUMBER.pattern(), name)).matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("data server stats lack '" + name + "': " + body);
        }
        return Integer.parseInt(m.group(1));
    }

    /** POSTs {@code /bench/tick}: the server broadcasts one event to every held watch. */
    static void tick(String serverUrl) throws IOException {
        call(serverUrl + "/bench/tick", "POST");
    }

    private static String call(String url, String method) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod(method);
        c.setRequestProperty("Connection", "close");
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            c.disconnect();
        }
    }

    /** Peak RSS of this JVM in KiB (Linux), -1 elsewhere. */
    static long peakRssKib() {
        return io.kreactor.benchmarks.jmh.PeakRss.peakKib();
    }
}
