package io.kreactor.benchmarks.workload;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kreactor.benchmarks.clients.Fabric8PodClient;
import io.kreactor.benchmarks.clients.KreactorPodClient;
import io.kreactor.benchmarks.clients.OfficialPodClient;
import io.kreactor.benchmarks.data.BenchData;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.core.config.HttpProtocol;
import io.kreactor.informers.informer.InformerConfig;
import io.kreactor.informers.informer.InformerKey;
import io.kreactor.informers.informer.SharedIndexInformer;
import io.kreactor.informers.informer.SharedInformerFactory;
import io.kreactor.informers.informer.SubscriberOptions;
import io.kreactor.informers.store.Transforms;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1PodList;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.Disposable;

/**
 * Workload 4: an informer on {@link BenchData#NS_INFORMER} (the server lists the initial pods, then streams
 * MODIFIED events after the list's resourceVersion and holds the watch open). Measures time to synced, time until
 * the handler saw the last event, and heap retained per cached pod. Meant to run alone in a fresh JVM
 * ({@link #main}) so heap and RSS belong to one client.
 */
public final class InformerWorkload {

    private static final long TIMEOUT_MILLIS = 180_000;
    /** kreactor subscriber buffer: more than the events of one full run. */
    static final int HANDLER_BUFFER = 65_536;

    private InformerWorkload() {
    }

    /**
     * {@code <serverUrl> <client> <transform:true|false> <pods> <lastResourceVersion> <warmups> <runs>}: runs the
     * workload {@code warmups + runs} times in this JVM and prints {@code RESULT <json>} for each, marking the
     * warm-up runs. Heap is read from the first run (a fresh JVM, nothing left over from an earlier informer);
     * times from the measured runs, after class loading and JIT.
     */
    public static void main(String[] args) throws Exception {
        int warmups = Integer.parseInt(args[5]);
        int runs = Integer.parseInt(args[6]);
        for (int i = 0; i < warmups + runs; i++) {
            InformerResult r = run(args[0], args[1], Boolean.parseBoolean(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]));
            System.out.println("RESULT " + r.toJson().replace("}", ",\"run\":" + i + ",\"warmup\":" + (i < warmups) + "}"));
        }
        System.exit(0);
    }

    /**
     * Runs the workload for {@code client} against {@code serverUrl}.
     *
     * @param pods       the number of pods the cache must hold
     * @param lastRv     the resourceVersion of the server's last event
     */
    public static InformerResult run(String serverUrl, String client, boolean transform, int pods, long lastRv) throws Exception {
        String last = Long.toString(lastRv);
        long before = Measure.usedHeapAfterGc();
        AtomicLong handled = new AtomicLong();
        AtomicLong lastSeenAt = new AtomicLong();
        long allocatedBefore = Measure.allocatedBytes();
        long start = System.nanoTime();
        long syncedAt;
        long allocated;
        int cached;
        long after;
        switch (client) {
            case "kreactor" -> {
                try (KreactorPodClient kc = new KreactorPodClient(serverUrl, HttpProtocol.HTTP_1_1)) {
                    SharedInformerFactory factory = SharedInformerFactory.create(kc.rest(), InformerConfig.DEFAULT);
                    SharedIndexInformer<Pod> informer = factory.informerFor(
                            InformerKey.of(new GroupVersionResource("", "v1", "pods"), Pod.class).inNamespace(BenchData.NS_INFORMER));
                    if (transform) {
                        informer.setTransform(Transforms.dropManagedFields(Pod.class));
                    }
                    // The default buffer (1,024 events) overflowed on this loaded machine: the informer delivered
                    // faster than the parallel scheduler ran the handler. Room for the whole run keeps every event.
                    Disposable handler = informer.events(SubscriberOptions.DEFAULT.withBufferSize(HANDLER_BUFFER)).subscribe(e -> {
                        handled.incrementAndGet();
                        if (last.equals(e.object().getMetadata().getResourceVersion())) {
                            lastSeenAt.set(System.nanoTime());
                        }
                    }, e -> System.err.println("kreactor informer handler failed: " + e));
                    factory.start();
                    factory.waitForCacheSync().block(Duration.ofMillis(TIMEOUT_MILLIS));
                    syncedAt = System.nanoTime();
                    Measure.await("kreactor's handler to see resourceVersion " + last, TIMEOUT_MILLIS, () -> lastSeenAt.get() != 0);
                    allocated = Measure.allocatedBytes() - allocatedBefore;
                    cached = informer.indexer().list().size();
                    after = Measure.usedHeapAfterGc();
                    handler.dispose();
                    factory.shutdown();
                }
            }
            case "fabric8" -> {
                if (transform) {
                    throw new IllegalArgumentException("fabric8's SharedIndexInformer has no transform hook");
                }
                try (Fabric8PodClient fc = new Fabric8PodClient(serverUrl)) {
                    var informer = fc.client().pods().inNamespace(BenchData.NS_INFORMER).runnableInformer(0);
                    informer.addEventHandler(new ResourceEventHandler<Pod>() {
                        @Override
                        public void onAdd(Pod pod) {
                            handled.incrementAndGet();
                        }

                        @Override
                        public void onUpdate(Pod oldPod, Pod pod) {
                            handled.incrementAndGet();
                            if (last.equals(pod.getMetadata().getResourceVersion())) {
                                lastSeenAt.set(System.nanoTime());
                            }
                        }

                        @Override
                        public void onDelete(Pod pod, boolean unknown) {
                            handled.incrementAndGet();
                        }
                    });
                    informer.start().toCompletableFuture().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    syncedAt = System.nanoTime();
                    Measure.await("fabric8's handler to see resourceVersion " + last, TIMEOUT_MILLIS, () -> lastSeenAt.get() != 0);
                    allocated = Measure.allocatedBytes() - allocatedBefore;
                    cached = informer.getStore().list().size();
                    after = Measure.usedHeapAfterGc();
                    informer.stop();
                }
            }
            case "client-java" -> {
                if (transform) {
                    throw new IllegalArgumentException("client-java's SharedIndexInformer has no transform hook");
                }
                try (OfficialPodClient oc = new OfficialPodClient(serverUrl)) {
                    CoreV1Api core = new CoreV1Api(oc.api());
                    var factory = new io.kubernetes.client.informer.SharedInformerFactory(oc.api());
                    var informer = factory.sharedIndexInformerFor(params -> core.listNamespacedPod(BenchData.NS_INFORMER)
                            .resourceVersion(params.resourceVersion).watch(params.watch)
                            .timeoutSeconds(params.timeoutSeconds).buildCall(null), V1Pod.class, V1PodList.class);
                    informer.addEventHandler(new io.kubernetes.client.informer.ResourceEventHandler<V1Pod>() {
                        @Override
                        public void onAdd(V1Pod pod) {
                            handled.incrementAndGet();
                        }

                        @Override
                        public void onUpdate(V1Pod oldPod, V1Pod pod) {
                            handled.incrementAndGet();
                            if (last.equals(pod.getMetadata().getResourceVersion())) {
                                lastSeenAt.set(System.nanoTime());
                            }
                        }

                        @Override
                        public void onDelete(V1Pod pod, boolean unknown) {
                            handled.incrementAndGet();
                        }
                    });
                    factory.startAllRegisteredInformers();
                    Measure.await("client-java's informer to sync", TIMEOUT_MILLIS, informer::hasSynced);
                    syncedAt = System.nanoTime();
                    Measure.await("client-java's handler to see resourceVersion " + last, TIMEOUT_MILLIS, () -> lastSeenAt.get() != 0);
                    allocated = Measure.allocatedBytes() - allocatedBefore;
                    cached = informer.getIndexer().list().size();
                    after = Measure.usedHeapAfterGc();
                    factory.stopAllRegisteredInformers();
                }
            }
            default -> throw new IllegalArgumentException("unknown client '" + client + "'");
        }
        if (cached != pods) {
            throw new IllegalStateException(client + " cached " + cached + " pods, expected " + pods);
        }
        return new InformerResult(client, transform, cached, handled.get(), (syncedAt - start) / 1e6,
                (lastSeenAt.get() - start) / 1e6, (after - before) / (double) pods, allocated / (double) handled.get(),
                Measure.peakRssKib());
    }
}
