package io.kreactor.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kreactor.benchmarks.data.BenchSizes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * Collects one run's results and renders them as Markdown tables with ratios to the bare-Jackson limit and
 * between clients. Times are medians over JMH measurement iterations (or over single-shot runs), with min–max.
 */
final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BARE = "bare Jackson";
    private static final String[] CLIENTS = {"kreactor", "fabric8", "client-java"};

    /** Median, spread and allocation of one JMH benchmark. */
    record Score(double median, double min, double max, double allocBytesPerOp) {
    }

    private final BenchSizes sizes;
    private final int bytesPerPod;
    private final Map<String, Score> jmh = new LinkedHashMap<>();
    private final List<Map<String, Object>> informers = new ArrayList<>();
    private final List<Map<String, Object>> many = new ArrayList<>();
    private final Map<String, Long> jmhRss = new LinkedHashMap<>();

    Report(BenchSizes sizes, int bytesPerPod) {
        this.sizes = sizes;
        this.bytesPerPod = bytesPerPod;
    }

    void jmh(Collection<RunResult> results) {
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            String client = r.getParams().getParam("client");
            List<Double> scores = new ArrayList<>();
            for (BenchmarkResult b : r.getBenchmarkResults()) {
                for (IterationResult i : b.getIterationResults()) {
                    scores.add(i.getPrimaryResult().getScore());
                }
            }
            scores.sort(Double::compare);
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            jmh.put(method + "/" + (client == null ? BARE : client), new Score(median(scores), scores.get(0),
                    scores.get(scores.size() - 1), alloc == null ? Double.NaN : alloc.getScore()));
        }
    }

    /** Reads the scores of an earlier run from JMH's JSON result file (for re-running only workloads 4 and 5). */
    void jmhJson(java.nio.file.Path file) throws IOException {
        for (com.fasterxml.jackson.databind.JsonNode b : JSON.readTree(file.toFile())) {
            String name = b.get("benchmark").asText();
            String method = name.substring(name.lastIndexOf('.') + 1);
            com.fasterxml.jackson.databind.JsonNode client = b.path("params").get("client");
            List<Double> scores = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode fork : b.path("primaryMetric").path("rawData")) {
                fork.forEach(v -> scores.add(v.asDouble()));
            }
            scores.sort(Double::compare);
            com.fasterxml.jackson.databind.JsonNode alloc = b.path("secondaryMetrics").path("gc.alloc.rate.norm").get("score");
            jmh.put(method + "/" + (client == null ? BARE : client.asText()), new Score(median(scores), scores.get(0),
                    scores.get(scores.size() - 1), alloc == null ? Double.NaN : alloc.asDouble()));
        }
    }

    void informer(List<String> jsonLines) {
        jsonLines.forEach(l -> informers.add(parse(l)));
    }

    void manyWatches(List<String> jsonLines) {
        jsonLines.forEach(l -> many.add(parse(l)));
    }

    void jmhPeakRss(List<String> tsvLines) {
        for (String line : tsvLines) {
            String[] f = line.split("\t");
            jmhRss.merge(f[0], Long.parseLong(f[1]), Math::max);
        }
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "Sizes: %s; %d bytes of JSON per pod.%n%n", sizes, bytesPerPod));
        Score bareList = jmh.get("decodeList/" + BARE);
        md.append("### 1. LIST ").append(sizes.listPods()).append(" pods, one page\n\n");
        md.append("| client | median ms/op | min–max | vs bare time | alloc MB/op | vs bare alloc | peer ÷ kreactor |\n|---|---|---|---|---|---|---|\n");
        row(md, BARE, bareList, bareList, null);
        for (String c : CLIENTS) {
            row(md, c, jmh.get("listOnePage/" + c), bareList, jmh.get("listOnePage/kreactor"));
        }
        md.append("\n### 2. LIST ").append(sizes.listPods()).append(" pods in pages of ").append(sizes.pageSize()).append("\n\n");
        md.append("| client | median ms/op | min–max | vs bare one-page time | alloc MB/op | vs bare alloc | peer ÷ kreactor |\n|---|---|---|---|---|---|---|\n");
        for (String c : CLIENTS) {
            row(md, c, jmh.get("listPaged/" + c), bareList, jmh.get("listPaged/kreactor"));
        }
        Score bareWatch = jmh.get("decodeWatchLines/" + BARE);
        md.append("\n### 3. WATCH ").append(sizes.watchEvents()).append(" MODIFIED events\n\n");
        md.append("| client | median events/s | min–max events/s | vs bare rate | alloc KB/event | kreactor ÷ peer rate |\n|---|---|---|---|---|---|\n");
        watchRow(md, BARE, bareWatch, bareWatch, null);
        for (String c : CLIENTS) {
            watchRow(md, c, jmh.get("watch/" + c), bareWatch, jmh.get("watch/kreactor"));
        }
        informerTable(md);
        manyTable(md);
        md.append("\n### Peak RSS of the JMH forks (KiB)\n\n| fork | peak RSS |\n|---|---|\n");
        jmhRss.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        return md.toString();
    }

    private void informerTable(StringBuilder md) {
        Score bareInformerList = jmh.get("decodeInformerList/" + BARE);
        md.append("\n### 4. Informer: ").append(sizes.informerPods()).append(" pods + ").append(sizes.informerEvents())
                .append(" events (median of runs in one JVM per client)\n\n");
        md.append("| client | synced ms | vs bare decode of the list | all events handled ms | peer ÷ kreactor (handled) | retained B/pod (first run) | allocated KB per pod or event | peak RSS KiB | measured runs |\n|---|---|---|---|---|---|---|---|---|\n");
        if (bareInformerList != null) {
            md.append(String.format(Locale.ROOT, "| %s (decode of the same %d-pod list) | %.1f | 1.00 | | | | %.1f | | |%n",
                    BARE, sizes.informerPods(), bareInformerList.median(),
                    bareInformerList.allocBytesPerOp() / sizes.informerPods() / 1e3));
        }
        double kreactorHandled = medianOf(informers, "kreactor", false, "lastEventMillis");
        for (String c : CLIENTS) {
            for (boolean transform : new boolean[] {false, true}) {
                List<Map<String, Object>> runs = filter(informers, c, transform);
                if (runs.isEmpty()) {
                    continue;
                }
                double synced = medianOf(informers, c, transform, "syncedMillis");
                double retained = firstRun(informers, c, transform, "retainedBytesPerPod");
                double handled = medianOf(informers, c, transform, "lastEventMillis");
                double allocated = medianOf(informers, c, transform, "allocatedBytesPerObject");
                md.append(String.format(Locale.ROOT, "| %s%s | %.0f | %s | %.0f | %s | %.0f | %.1f | %.0f | %d |%n", c,
                        transform ? " + drop managedFields" : "", synced,
                        bareInformerList == null ? "" : ratio(synced / bareInformerList.median()), handled,
                        c.equals("kreactor") ? "1.00" : ratio(handled / kreactorHandled),
                        retained, allocated / 1e3, filter(informers, c, transform, true).stream().mapToDouble(m -> num(m, "peakRssKib")).max().orElse(Double.NaN),
                        runs.size()));
            }
        }
    }

    private void manyTable(StringBuilder md) {
        md.append("\n### 5. ").append(sizes.watches()).append(" concurrent watches on one client, ").append(sizes.ticks())
                .append(" broadcast events each\n\n");
        md.append("| client | protocol | JVM threads before → with watches | TCP connections | retained heap MB | latency p50 ms | p99 ms | peak RSS KiB |\n|---|---|---|---|---|---|---|---|\n");
        for (Map<String, Object> m : many) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s → %s | %s | %.1f | %.1f | %.1f | %s |%n", m.get("client"), m.get("protocol"),
                    m.get("threadsBefore"), m.get("threads"), m.get("connections"), num(m, "heapBytes") / 1e6,
                    num(m, "latencyP50Micros") / 1e3, num(m, "latencyP99Micros") / 1e3, m.get("peakRssKib")));
        }
    }

    private static void row(StringBuilder md, String name, Score s, Score bare, Score kreactor) {
        if (s == null) {
            md.append("| ").append(name).append(" | not run | | | | | |\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f–%.1f | %s | %.1f | %s | %s |%n", name, s.median(), s.min(), s.max(),
                bare == null ? "" : ratio(s.median() / bare.median()), s.allocBytesPerOp() / 1e6,
                bare == null ? "" : ratio(s.allocBytesPerOp() / bare.allocBytesPerOp()),
                kreactor == null || name.equals("kreactor") ? "" : ratio(s.median() / kreactor.median())));
    }

    private void watchRow(StringBuilder md, String name, Score s, Score bare, Score kreactor) {
        if (s == null) {
            md.append("| ").append(name).append(" | not run | | | | |\n");
            return;
        }
        double events = sizes.watchEvents();
        md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f–%.0f | %s | %.1f | %s |%n", name, events / s.median() * 1000,
                events / s.max() * 1000, events / s.min() * 1000,
                bare == null ? "" : ratio(bare.median() / s.median()), s.allocBytesPerOp() / events / 1e3,
                kreactor == null || name.equals("kreactor") ? "" : ratio(s.median() / kreactor.median())));
    }

    /** The measured (not warm-up) runs of one informer configuration. */
    private static List<Map<String, Object>> filter(List<Map<String, Object>> rows, String client, boolean transform) {
        return filter(rows, client, transform, false);
    }

    private static List<Map<String, Object>> filter(List<Map<String, Object>> rows, String client, boolean transform, boolean withWarmups) {
        return rows.stream().filter(m -> client.equals(m.get("client")) && Boolean.valueOf(transform).equals(m.get("transform"))
                && (withWarmups || !Boolean.TRUE.equals(m.get("warmup")))).toList();
    }

    /** A value from the first run in the JVM (heap: nothing retained from an earlier informer yet). */
    private static double firstRun(List<Map<String, Object>> rows, String client, boolean transform, String field) {
        return filter(rows, client, transform, true).stream().filter(m -> ((Number) m.getOrDefault("run", 0)).intValue() == 0)
                .mapToDouble(m -> num(m, field)).findFirst().orElse(Double.NaN);
    }

    private static double medianOf(List<Map<String, Object>> rows, String client, boolean transform, String field) {
        List<Double> v = new ArrayList<>(filter(rows, client, transform).stream().map(m -> num(m, field)).toList());
        v.sort(Double::compare);
        return v.isEmpty() ? Double.NaN : median(v);
    }

    private static double num(Map<String, Object> m, String field) {
        return ((Number) m.get(field)).doubleValue();
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String ratio(double r) {
        return Double.isNaN(r) ? "" : String.format(Locale.ROOT, "%.2f×", r);
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable workload result: " + json, e);
        }
    }
}
