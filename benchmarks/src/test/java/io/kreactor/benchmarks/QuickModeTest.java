package io.kreactor.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.benchmarks.clients.Decoded;
import io.kreactor.benchmarks.clients.PodClient;
import io.kreactor.benchmarks.data.BenchData;
import io.kreactor.benchmarks.data.BenchSizes;
import io.kreactor.benchmarks.data.PodFactory;
import io.kreactor.benchmarks.jmh.BareJackson;
import io.kreactor.benchmarks.server.BenchDataServer;
import io.kreactor.benchmarks.workload.InformerResult;
import io.kreactor.benchmarks.workload.InformerWorkload;
import io.kreactor.benchmarks.workload.ManyWatchesResult;
import io.kreactor.benchmarks.workload.ManyWatchesWorkload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workload with tiny sizes against an in-process data server, so the benchmarks always compile and run.
 * Asserts what was decoded (counts, names, resourceVersions), never how long it took.
 */
// Longer than the workloads' own 120 s waits, so a stuck wait fails with its own message, naming what it awaited.
@Timeout(150)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuickModeTest {

    private static final BenchSizes SIZES = BenchSizes.QUICK;
    private static BenchData data;
    private static BenchDataServer server;

    @BeforeAll
    static void startServer() {
        data = BenchData.render(SIZES, 42);
        server = BenchDataServer.start(data);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    @Order(1)
    void renderingIsDeterministicAndPodsAreRealisticallySized() {
        BenchData again = BenchData.render(SIZES, 42);
        assertThat(again.fullList()).isEqualTo(data.fullList());
        int average = data.fullList().length / SIZES.listPods();
        assertThat(average).isBetween(2_000, 3_200);
        assertThat(BenchData.render(SIZES, 43).fullList()).isNotEqualTo(data.fullList());
    }

    @Test
    @Order(2)
    void bareJacksonDecodesTheListAndTheEventLines() throws Exception {
        BareJackson jackson = new BareJackson();
        assertThat(jackson.list(data.fullList())).isEqualTo(new Decoded(SIZES.listPods(), PodFactory.podName(0),
                PodFactory.podName(SIZES.listPods() - 1), Long.toString(BenchData.BASE_RESOURCE_VERSION - 1)));
        Decoded events = jackson.watch(data.watchLines());
        assertThat(events.count()).isEqualTo(SIZES.watchEvents());
        assertThat(events.lastResourceVersion()).isEqualTo(Long.toString(data.lastWatchResourceVersion()));
    }

    @ParameterizedTest
    @Order(3)
    @ValueSource(strings = {"kreactor", "fabric8", "client-java"})
    void everyClientListsOnePagePagedAndWatchesTheSamePods(String name) throws Exception {
        try (PodClient client = PodClient.create(name, server.url())) {
            Decoded expectedList = new Decoded(SIZES.listPods(), PodFactory.podName(0), PodFactory.podName(SIZES.listPods() - 1),
                    Long.toString(BenchData.BASE_RESOURCE_VERSION - 1));
            assertThat(client.list(BenchData.NS_LIST, 0)).isEqualTo(expectedList);
            assertThat(client.list(BenchData.NS_LIST, SIZES.pageSize())).isEqualTo(expectedList);

            Decoded events = client.watch(BenchData.NS_WATCH, SIZES.watchEvents());
            assertThat(events.count()).isEqualTo(SIZES.watchEvents());
            assertThat(events.firstName()).isEqualTo(PodFactory.podName(0));
            assertThat(events.lastResourceVersion()).isEqualTo(Long.toString(data.lastWatchResourceVersion()));
        }
    }

    @ParameterizedTest
    @Order(4)
    @ValueSource(strings = {"kreactor", "fabric8", "client-java"})
    void everyInformerSyncsTheInitialPodsAndHandlesEveryEvent(String name) throws Exception {
        InformerResult r = InformerWorkload.run(server.url(), name, false, SIZES.informerPods(), data.lastInformerResourceVersion());
        System.out.println("quick informer " + r.toJson());
        assertThat(r.cached()).isEqualTo(SIZES.informerPods());
        assertThat(r.handled()).isEqualTo(SIZES.informerPods() + SIZES.informerEvents());
        assertThat(r.lastEventMillis()).isGreaterThanOrEqualTo(r.syncedMillis() - 1);
        assertThat(r.allocatedBytesPerObject()).as("allocation is counted").isPositive();
    }

    @Test
    @Order(5)
    void kreactorInformerWithTheManagedFieldsTransformCachesEveryPod() throws Exception {
        InformerResult r = InformerWorkload.run(server.url(), "kreactor", true, SIZES.informerPods(), data.lastInformerResourceVersion());
        assertThat(r.cached()).isEqualTo(SIZES.informerPods());
        assertThat(r.handled()).isEqualTo(SIZES.informerPods() + SIZES.informerEvents());
    }

    @ParameterizedTest
    @Order(6)
    @ValueSource(strings = {"kreactor:http1", "kreactor:h2c", "fabric8:http1", "client-java:http1", "client-java:h2c"})
    void manyWatchesEachReceiveEveryBroadcastTick(String clientAndProtocol) throws Exception {
        String[] parts = clientAndProtocol.split(":");
        ManyWatchesResult r = ManyWatchesWorkload.run(server.url(), parts[0], parts[1], SIZES.watches(), SIZES.ticks());
        System.out.println("quick many-watches " + r.toJson());
        assertThat(r.events()).isEqualTo((long) SIZES.watches() * SIZES.ticks());
        if (parts[1].equals("h2c")) {
            // Streams share connections; the peer's count is measured (and reported) by the full run, kreactor's
            // is its claim: one connection, as the first watch's connection exists before the others open.
            assertThat(r.connections()).isBetween(1, SIZES.watches() - 1);
            if (parts[0].equals("kreactor")) {
                assertThat(r.connections()).isEqualTo(1);
            }
        } else {
            // HTTP/1.1 carries one response at a time: every open watch holds a connection of its own.
            assertThat(r.connections()).isEqualTo(SIZES.watches());
        }
        assertThat(r.latencyP50Micros()).isNotNegative();
    }
}
