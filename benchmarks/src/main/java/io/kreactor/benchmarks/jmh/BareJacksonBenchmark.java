package io.kreactor.benchmarks.jmh;

import io.kreactor.benchmarks.clients.Decoded;
import io.kreactor.benchmarks.data.BenchData;
import io.kreactor.benchmarks.data.BenchSizes;
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
 * The physical limit for workloads 1, 3 and 4: {@link BareJackson} decoding, in memory, exactly the bytes the data
 * server sends (rendered here from the same seed).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BareJacksonBenchmark {

    /** {@code full} or {@code quick}: must match the server's. */
    @Param("full")
    public String sizes;

    /** The data seed: must match the server's. */
    @Param("42")
    public long seed;

    private byte[] listBody;
    private byte[][] watchLines;
    private byte[] informerList;
    private final BareJackson jackson = new BareJackson();

    /** Renders the same bytes the server serves. */
    @Setup(Level.Trial)
    public void render() {
        BenchData data = BenchData.render(BenchSizes.named(sizes), seed);
        listBody = data.fullList();
        watchLines = data.watchLines();
        informerList = data.listPage(BenchData.NS_INFORMER, 0, 0);
    }

    /** Limit of workload 1. */
    @Benchmark
    public Decoded decodeList() throws Exception {
        return jackson.list(listBody);
    }

    /** Limit of workload 3. */
    @Benchmark
    public Decoded decodeWatchLines() throws Exception {
        return jackson.watch(watchLines);
    }

    /** Limit for workload 4's time to synced: the informer's initial list decoded in one piece. */
    @Benchmark
    public Decoded decodeInformerList() throws Exception {
        return jackson.list(informerList);
    }

    /** Records peak RSS. */
    @TearDown(Level.Trial)
    public void close() {
        PeakRss.record("bare-jackson");
    }
}
