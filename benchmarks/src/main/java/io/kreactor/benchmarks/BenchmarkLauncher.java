package io.kreactor.benchmarks;

import io.kreactor.benchmarks.data.BenchData;
import io.kreactor.benchmarks.data.BenchSizes;
import io.kreactor.benchmarks.server.BenchDataServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The one command behind {@code docs/performance.md}: starts one loopback data server, runs the JMH workloads
 * (1–3, each benchmark in its own forked JVM with {@code -prof gc}) and the single-shot workloads (4 and 5, each
 * client in its own fresh JVM) against it, and writes {@code results.md} plus raw results to the output directory.
 *
 * <p>Arguments: {@code [full|quick] [outputDir] [jmhWarmupIterations] [jmhMeasurementIterations] [phases]
 * [informerWarmupRuns] [informerMeasuredRuns]}, where phases is a comma-separated subset of
 * {@code jmh,informer,many} (default all); without {@code jmh} the JMH scores are read from an earlier run's
 * {@code jmh.json} in the output directory. The informer run counts (default 10 and 7) apply to full sizes; quick
 * sizes run each informer once.
 */
public final class BenchmarkLauncher {

    static final long SEED = 42;
    private static final String[] CLIENTS = {"kreactor", "fabric8", "client-java"};

    private BenchmarkLauncher() {
    }

    /** Runs everything; see the class comment for the arguments. */
    public static void main(String[] args) throws Exception {
        String sizesName = args.length > 0 ? args[0] : "full";
        Path out = Path.of(args.length > 1 ? args[1] : "target/benchmark-results").toAbsolutePath();
        int warmups = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        List<String> phases = List.of((args.length > 4 ? args[4] : "jmh,informer,many").split(","));
        int informerWarmupsArg = args.length > 5 ? Integer.parseInt(args[5]) : 10;
        int informerRunsArg = args.length > 6 ? Integer.parseInt(args[6]) : 7;
        BenchSizes sizes = BenchSizes.named(sizesName);
        Files.createDirectories(out);
        Path rssFile = out.resolve("peak-rss.tsv");
        if (phases.contains("jmh")) {
            Files.deleteIfExists(rssFile);
        }

        long t0 = System.nanoTime();
        BenchData data = BenchData.render(sizes, SEED);
        System.out.printf("rendered %s data (%d KiB list, %d bytes/pod) in %d ms%n", sizesName,
                data.fullList().length / 1024, data.fullList().length / sizes.listPods(), (System.nanoTime() - t0) / 1_000_000);
        Report report = new Report(sizes, data.fullList().length / sizes.listPods());
        try (BenchDataServer server = BenchDataServer.start(data)) {
            System.out.println("data server listening on " + server.url());
            if (phases.contains("jmh")) {
                report.jmh(runJmh(server.url(), sizes, sizesName, out, rssFile, warmups, iterations));
            } else if (Files.exists(out.resolve("jmh.json"))) {
                report.jmhJson(out.resolve("jmh.json"));
            }
            // Each informer run is one long operation, so warm-up runs are what lets the JIT finish: with one,
            // kreactor's measured runs were still getting faster (786, 666, 375 ms to sync in round 4); with three,
            // C2 still took 130-390 ms of CPU inside each of the first measured sync windows (round 7).
            int informerWarmups = sizesName.equals("full") ? informerWarmupsArg : 0;
            int informerRuns = sizesName.equals("full") ? informerRunsArg : 1;
            for (String client : phases.contains("informer") ? CLIENTS : new String[0]) {
                report.informer(child(out, "informer-" + client, "io.kreactor.benchmarks.workload.InformerWorkload",
                        server.url(), client, "false", Integer.toString(sizes.informerPods()),
                        Long.toString(data.lastInformerResourceVersion()), Integer.toString(informerWarmups), Integer.toString(informerRuns)));
            }
            if (phases.contains("informer")) {
                report.informer(child(out, "informer-kreactor-transform", "io.kreactor.benchmarks.workload.InformerWorkload",
                    server.url(), "kreactor", "true", Integer.toString(sizes.informerPods()),
                    Long.toString(data.lastInformerResourceVersion()), Integer.toString(informerWarmups), Integer.toString(informerRuns)));
            }
            for (String[] cp : new String[][] {{"kreactor", "http1"}, {"kreactor", "h2c"}, {"fabric8", "http1"},
                    {"client-java", "http1"}, {"client-java", "h2c"}}) {
                if (!phases.contains("many")) {
                    break;
                }
                report.manyWatches(child(out, "many-" + cp[0] + "-" + cp[1], "io.kreactor.benchmarks.workload.ManyWatchesWorkload",
                        server.url(), cp[0], cp[1], Integer.toString(sizes.watches()), Integer.toString(sizes.ticks())));
            }
        }
        if (Files.exists(rssFile)) {
            report.jmhPeakRss(Files.readAllLines(rssFile));
        }
        Path md = out.resolve("results.md");
        Files.writeString(md, report.markdown(), StandardCharsets.UTF_8);
        System.out.println(report.markdown());
        System.out.printf("wrote %s in %d s%n", md, (System.nanoTime() - t0) / 1_000_000_000L);
    }

    private static Collection<RunResult> runJmh(String url, BenchSizes sizes, String sizesName, Path out, Path rssFile,
                                                int warmups, int iterations) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("io\\.kreactor\\.benchmarks\\.jmh\\.(ListBenchmark|WatchBenchmark|BareJacksonBenchmark)\\.")
                .param("server", url)
                .param("pods", Integer.toString(sizes.listPods()))
                .param("pageSize", Integer.toString(sizes.pageSize()))
                .param("events", Integer.toString(sizes.watchEvents()))
                .param("sizes", sizesName)
                .param("seed", Long.toString(SEED))
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(1))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(2))
                .timeUnit(TimeUnit.MILLISECONDS)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xms2g", "-Xmx2g", "-Dbench.rss.file=" + rssFile,
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh.json").toString());
        return new Runner(options.build()).run();
    }

    /** Runs {@code mainClass} in a fresh JVM on this JVM's classpath; returns its {@code RESULT} lines. */
    private static List<String> child(Path out, String label, String mainClass, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms2g", "-Xmx2g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        System.out.println("running " + label + " in its own JVM");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> results = new ArrayList<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.append(line).append('\n');
                if (line.startsWith("RESULT ")) {
                    results.add(line.substring(7));
                    System.out.println("  " + line);
                }
            }
        }
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        Files.writeString(out.resolve(label + ".log"), log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0 || results.isEmpty()) {
            System.out.println("  " + label + " failed (exit " + p.exitValue() + "), see " + out.resolve(label + ".log"));
        }
        return results;
    }
}
