package io.kreactor.benchmarks.workload;

import com.google.gson.reflect.TypeToken;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kreactor.benchmarks.clients.Fabric8PodClient;
import io.kreactor.benchmarks.clients.KreactorPodClient;
import io.kreactor.benchmarks.clients.OfficialPodClient;
import io.kreactor.benchmarks.data.BenchData;
import io.kreactor.benchmarks.server.BenchDataServer;
import io.kreactor.core.config.HttpProtocol;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Protocol;
import reactor.core.Disposable;

/**
 * Workload 5: {@code watches} concurrent watches of {@link BenchData#NS_MANY} on one client; the server then
 * broadcasts {@code ticks} events, one at a time, each stamped with its send time. Measures live threads, the TCP
 * connections that carry the watches (as the server sees them), retained heap and send-to-handler latency. Run
 * alone in a fresh JVM ({@link #main}).
 */
public final class ManyWatchesWorkload {

    private static final long TIMEOUT_MILLIS = 120_000;

    private ManyWatchesWorkload() {
    }

    /** {@code <serverUrl> <client> <http1|h2c> <watches> <ticks>}; prints {@code RESULT <json>}. */
    public static void main(String[] args) throws Exception {
        ManyWatchesResult r = run(args[0], args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
        System.out.println("RESULT " + r.toJson());
        System.exit(0);
    }

    /**
     * Runs the workload.
     *
     * @param protocol {@code http1} or {@code h2c} (HTTP/2 with prior knowledge over cleartext)
     */
    public static ManyWatchesResult run(String serverUrl, String client, String protocol, int watches, int ticks) throws Exception {
        boolean h2 = switch (protocol) {
            case "http1" -> false;
            case "h2c" -> true;
            default -> throw new IllegalArgumentException("unknown protocol '" + protocol + "', expected http1 or h2c");
        };
        // The server counts open watches, not who opened them: an earlier client's watches may still be closing
        // (a close is asynchronous). Counting from a snapshot taken now would miss every one that closes later and
        // never reach the target; wait until they are gone instead.
        Measure.await("earlier clients' watches to close", TIMEOUT_MILLIS, () -> statOrUnknown(serverUrl, "watches") == 0);
        int threadsBefore = Measure.threads();
        long heapBefore = Measure.usedHeapAfterGc();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong received = new AtomicLong();
        List<AutoCloseable> toClose = new ArrayList<>();
        try {
            open(serverUrl, client, h2, watches, pod -> {
                latencies.add(nowMicros() - Long.parseLong(pod.get(BenchDataServer.SENT_MICROS)));
                received.incrementAndGet();
            }, toClose, () -> Measure.await("the first watch to open", TIMEOUT_MILLIS,
                    () -> statOrUnknown(serverUrl, "watches") >= 1));
            Measure.await(watches + " open watches on the server", TIMEOUT_MILLIS,
                    () -> statOrUnknown(serverUrl, "watches") >= watches);
            for (int t = 1; t <= ticks; t++) {
                long expected = (long) t * watches;
                Measure.tick(serverUrl);
                Measure.await("tick " + t + " to reach every watch", TIMEOUT_MILLIS, () -> received.get() >= expected);
            }
            int threads = Measure.threads();
            int connections = Measure.stat(serverUrl, "watchConnections");
            long heap = Measure.usedHeapAfterGc() - heapBefore;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new ManyWatchesResult(client, h2 ? "h2c" : "http/1.1", watches, received.get(), threadsBefore, threads,
                    connections, heap, percentile(sorted, 0.50), percentile(sorted, 0.99), Measure.peakRssKib());
        } finally {
            for (AutoCloseable c : toClose) {
                c.close();
            }
        }
    }

    /** Receives the annotations of each event's pod. */
    private interface Receiver {
        void accept(Map<String, String> annotations);
    }

    /** Waits for something; may be interrupted. */
    private interface Wait {
        void run() throws InterruptedException;
    }

    /**
     * Opens the watches: one first, then, once the server holds it (so an HTTP/2 connection exists to multiplex
     * onto), the rest at once.
     */
    private static void open(String serverUrl, String client, boolean h2, int watches, Receiver receiver,
                             List<AutoCloseable> toClose, Wait firstOpen) throws Exception {
        switch (client) {
            case "kreactor" -> {
                KreactorPodClient kc = new KreactorPodClient(serverUrl, h2 ? HttpProtocol.HTTP_2 : HttpProtocol.HTTP_1_1);
                toClose.add(kc);
                for (int i = 0; i < watches; i++) {
                    Disposable d = kc.watchFlux(BenchData.NS_MANY).subscribe(pod -> receiver.accept(pod.getMetadata().getAnnotations()),
                            e -> System.err.println("kreactor watch failed: " + e));
                    toClose.add(0, d::dispose);
                    if (i == 0) {
                        firstOpen.run();
                    }
                }
            }
            case "fabric8" -> {
                if (h2) {
                    throw new IllegalArgumentException("fabric8's Vert.x client offers HTTP/2 only through TLS ALPN, not h2c");
                }
                Fabric8PodClient fc = new Fabric8PodClient(serverUrl);
                toClose.add(fc);
                for (int i = 0; i < watches; i++) {
                    Watch w = fc.client().pods().inNamespace(BenchData.NS_MANY).watch(new Watcher<Pod>() {
                        @Override
                        public void eventReceived(Action action, Pod pod) {
                            receiver.accept(pod.getMetadata().getAnnotations());
                        }

                        @Override
                        public void onClose(WatcherException cause) {
                            if (cause != null) {
                                System.err.println("fabric8 watch closed: " + cause);
                            }
                        }
                    });
                    toClose.add(0, w::close);
                    if (i == 0) {
                        firstOpen.run();
                    }
                }
            }
            case "client-java" -> {
                OfficialPodClient oc = new OfficialPodClient(serverUrl);
                toClose.add(oc);
                ApiClient api = oc.api();
                if (h2) {
                    api.setHttpClient(api.getHttpClient().newBuilder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build());
                }
                CoreV1Api core = new CoreV1Api(api);
                // client-java's Watch is a blocking iterator: one thread per watch is how it is used.
                for (int i = 0; i < watches; i++) {
                    io.kubernetes.client.util.Watch<V1Pod> w = io.kubernetes.client.util.Watch.createWatch(api,
                            core.listNamespacedPod(BenchData.NS_MANY).watch(true).buildCall(null),
                            new TypeToken<io.kubernetes.client.util.Watch.Response<V1Pod>>() { }.getType());
                    Thread t = new Thread(() -> {
                        try {
                            for (io.kubernetes.client.util.Watch.Response<V1Pod> e : w) {
                                receiver.accept(e.object.getMetadata().getAnnotations());
                            }
                        } catch (RuntimeException e) {
                            // Closing the watch ends the iteration with an exception.
                        }
                    }, "client-java-watch-" + i);
                    t.setDaemon(true);
                    t.start();
                    toClose.add(0, w::close);
                    if (i == 0) {
                        firstOpen.run();
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown client '" + client + "'");
        }
    }

    /** A stat, or -1 (matching no wait's condition) when the call failed; the wait asks again. */
    private static int statOrUnknown(String serverUrl, String name) {
        try {
            return Measure.stat(serverUrl, name);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
