package io.kreactor.examples.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Prints the demo's story: numbered steps and indented details, so a reader can follow what the library does.
 * Thread-safe (each line is one {@code println}), because reactive callbacks print from several threads.
 */
public final class Narrator {

    private final PrintStream out;
    private final AtomicInteger step = new AtomicInteger();
    private final long started = System.nanoTime();

    /** Narrates to {@code out}. */
    public Narrator(PrintStream out) {
        this.out = out;
    }

    /** Starts a new numbered step. */
    public void step(String title) {
        out.println();
        out.printf("%d. %s%n", step.incrementAndGet(), title);
    }

    /** Prints a detail line of the current step. */
    public void detail(String format, Object... args) {
        out.println("   " + String.format(format, args));
    }

    /** How long the demo has been running. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** Prints a line with no indentation. */
    public void line(String format, Object... args) {
        out.println(String.format(format, args));
    }
}
