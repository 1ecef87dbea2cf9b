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
 * Workload 3: one WATCH of {@link BenchData#NS_WATCH}, which streams {@code events} MODIFIED pods and ends;
 * every event is decoded into a typed pod. Events per second = {@code events} / time per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class WatchBenchmark {

    /** Which client. */
    @Param({"kreactor", "fabric8", "client-java"})
    public String client;

    /** The data server's URL (set by the launcher). */
    @Param("http://127.0.0.1:8080")
    public String server;

    /** Events the server streams per watch. */
    @Param("50000")
    public int events;

    private PodClient podClient;

    /** Connects the client. */
    @Setup(Level.Trial)
    public void connect() {
        podClient = PodClient.create(client, server);
    }

    /** Workload 3. */
    @Benchmark
    public Decoded watch() throws Exception {
        Decoded d = podClient.watch(BenchData.NS_WATCH, events);
        if (d.count() != events) {
            throw new IllegalStateException(client + " decoded " + d.count() + " events, expected " + events);
        }
        return d;
    }

    /** Closes the client and records peak RSS. */
    @TearDown(Level.Trial)
    public void close() {
        podClient.close();
        PeakRss.record("watch/" + client);
    }
}
