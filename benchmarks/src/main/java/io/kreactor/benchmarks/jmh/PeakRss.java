package io.kreactor.benchmarks.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads this JVM's peak resident set size ({@code VmHWM} in {@code /proc/self/status}, Linux only) and appends
 * it to the file named by system property {@code bench.rss.file}, so the launcher can put it in the report.
 */
public final class PeakRss {

    private PeakRss() {
    }

    /** Peak RSS in KiB, or -1 where {@code /proc} is not available. */
    public static long peakKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Appends {@code label<TAB>peakKiB} to {@code bench.rss.file} if that property is set. */
    public static void record(String label) {
        String file = System.getProperty("bench.rss.file");
        if (file == null) {
            return;
        }
        try {
            Files.writeString(Path.of(file), label + "\t" + peakKib() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot append peak RSS to " + file, e);
        }
    }
}
