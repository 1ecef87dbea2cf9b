package io.kreactor.informers.workqueue;

import java.time.Duration;

/**
 * Hooks a {@link WorkQueue} calls as keys move through it, after client-go's {@code workqueue} metrics
 * (depth, adds, retries, queue latency, work duration) but without tying the queue to a metrics library:
 * adapt it to Micrometer or anything else. Every method has an empty default, so implement only what you
 * need.
 *
 * <p>Calls are serialized per queue (never two at once for one queue) and happen while the queue is
 * updating its state: keep them short and non-blocking. An exception thrown from a hook is logged and
 * otherwise ignored.
 */
public interface WorkQueueMetrics {

    /** Hooks that do nothing. */
    WorkQueueMetrics NONE = new WorkQueueMetrics() {
    };

    /** The number of keys waiting to be handed out changed to {@code depth} (client-go's {@code depth}). */
    default void depth(String queue, int depth) {
    }

    /** A key was accepted by {@link WorkQueue#add} (client-go's {@code adds_total}; coalesced adds do not count). */
    default void added(String queue) {
    }

    /** {@link WorkQueue#addRateLimited} was called (client-go's {@code retries_total}). */
    default void retried(String queue) {
    }

    /** A key was handed out after waiting {@code queuedFor} in the queue (client-go's {@code queue_duration_seconds}). */
    default void handedOut(String queue, Duration queuedFor) {
    }

    /** A key was marked {@link WorkQueue#done} after {@code processedFor} (client-go's {@code work_duration_seconds}). */
    default void finished(String queue, Duration processedFor) {
    }
}
