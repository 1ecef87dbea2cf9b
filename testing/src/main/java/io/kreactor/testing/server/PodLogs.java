package io.kreactor.testing.server;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The test-supplied output of pod containers, served by {@code GET .../pods/{name}/log}. Reached through
 * {@link EmbeddedApiServer#podLogs()}.
 *
 * <p>Each container's log is a sequence of lines with the time they were written (the server's clock). Lines can
 * be set, appended one by one, or fed from a {@code Flux}; a {@code follow=true} request gets the existing lines
 * and then every new one until the log is {@linkplain #close closed} (the container "terminated") or the client
 * goes away. Thread-safe.
 */
public final class PodLogs {

    /** One line of output and when it was written. */
    record Line(Instant time, String text) {
    }

    /** The output of one container, and the follow streams waiting for more. */
    static final class ContainerLog {
        private final List<Line> lines = new ArrayList<>();
        private final List<Sinks.Many<Line>> followers = new ArrayList<>();
        private boolean closed;

        synchronized void append(Line line) {
            lines.add(line);
            for (Sinks.Many<Line> f : new ArrayList<>(followers)) {
                f.tryEmitNext(line);
            }
        }

        synchronized void replace(List<Line> newLines) {
            lines.clear();
            lines.addAll(newLines);
        }

        synchronized void close() {
            closed = true;
            // Completing a follower removes it from the list (doFinally), so complete a copy.
            List<Sinks.Many<Line>> ending = new ArrayList<>(followers);
            followers.clear();
            ending.forEach(Sinks.Many::tryEmitComplete);
        }

        synchronized List<Line> snapshot() {
            return List.copyOf(lines);
        }

        /** The lines so far and, atomically with them, a stream of the lines written afterwards. */
        synchronized Flux<Line> follow(List<Line> existing) {
            existing.addAll(lines);
            if (closed) {
                return Flux.empty();
            }
            Sinks.Many<Line> sink = Sinks.many().unicast().onBackpressureBuffer();
            followers.add(sink);
            return sink.asFlux().doFinally(s -> removeFollower(sink));
        }

        private synchronized void removeFollower(Sinks.Many<Line> sink) {
            followers.remove(sink);
        }
    }

    private final Map<String, ContainerLog> logs = new ConcurrentHashMap<>();
    private final Clock clock;

    PodLogs(Clock clock) {
        this.clock = clock;
    }

    /** Replaces the log of one container with {@code lines}, all stamped now. */
    public void set(String namespace, String pod, String container, List<String> lines) {
        Instant now = clock.instant();
        List<Line> stamped = new ArrayList<>();
        for (String line : lines) {
            stamped.add(new Line(now, Objects.requireNonNull(line, "line")));
        }
        log(namespace, pod, container).replace(stamped);
    }

    /** Appends lines to one container's log, each stamped now; followers receive them at once. */
    public void append(String namespace, String pod, String container, String... lines) {
        ContainerLog log = log(namespace, pod, container);
        for (String line : lines) {
            log.append(new Line(clock.instant(), Objects.requireNonNull(line, "line")));
        }
    }

    /**
     * Appends every line {@code lines} emits, as it emits it; the log is closed when {@code lines} completes.
     * Returns the subscription, to stop feeding early.
     */
    public Disposable feed(String namespace, String pod, String container, Flux<String> lines) {
        ContainerLog log = log(namespace, pod, container);
        return lines.subscribe(line -> log.append(new Line(clock.instant(), line)), error -> log.close(), log::close);
    }

    /** Marks one container's log as finished: follow streams end after the lines written so far. */
    public void close(String namespace, String pod, String container) {
        log(namespace, pod, container).close();
    }

    ContainerLog log(String namespace, String pod, String container) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(container, "container");
        return logs.computeIfAbsent(namespace + "/" + pod + "/" + container, k -> new ContainerLog());
    }
}
