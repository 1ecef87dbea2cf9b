package io.kreactor.benchmarks.jmh;

import io.kreactor.benchmarks.clients.Decoded;
import io.kreactor.benchmarks.clients.PodClient;
import io.kreactor.benchmarks.data.BenchData;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workloads 1 and 2: LIST every pod of {@link BenchData#NS_LIST} from the data server into typed objects, in one
 * page and in pages of {@code pageSize}. The count is checked on every call so a short read cannot look fast.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ListBenchmark {

    /** Which client. */
    @Param({"kreactor", "fabric8", "client-java"})
    public String client;

    /** The data server's URL (set by the launcher). */
    @Param("http://127.0.0.1:8080")
    public String server;

    /** Pods the server holds. */
    @Param("5000")
    public int pods;

    /** The page size of the paged LIST. */
    @Param("500")
    public int pageSize;

    private PodClient podClient;

    /** Connects the client. */
    @Setup(Level.Trial)
    public void connect() {
        podClient = PodClient.create(client, server);
    }

    /** Workload 1: one page. */
    @Benchmark
    public Decoded listOnePage() throws Exception {
        return check(podClient.list(BenchData.NS_LIST, 0));
    }

    /** Workload 2: pages of {@link #pageSize}. */
    @Benchmark
    public Decoded listPaged() throws Exception {
        return check(podClient.list(BenchData.NS_LIST, pageSize));
    }

    private Decoded check(Decoded d) {
        if (d.count() != pods) {
            throw new IllegalStateException(client + " decoded " + d.count() + " pods, expected " + pods);
        }
        return d;
    }

    /** Closes the client and records peak RSS. */
    @TearDown(Level.Trial)
    public void close() {
        podClient.close();
        PeakRss.record("list/" + client);
    }
}
