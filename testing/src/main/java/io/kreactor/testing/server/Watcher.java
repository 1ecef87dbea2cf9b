package io.kreactor.testing.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * One open watch: which objects it selects, and its own bounded buffer of pending events.
 *
 * <p>The store calls {@link #offer(Change)} under its monitor for every change, so events reach the buffer in
 * revision order and the buffer has a single producer. The HTTP response drains the buffer only as fast as the
 * socket accepts data (Reactor Netty stops requesting when the channel is not writable). When the buffer is full
 * the watcher is too far behind: it is closed, as the real API server closes a watch whose client cannot keep up,
 * and the other watchers never wait for it.
 *
 * <p>Selection follows the real server: an object that starts to match the selectors arrives as ADDED, one that
 * stops matching as DELETED (carrying its new state), one that matches before and after as MODIFIED.
 */
final class Watcher {

    /** An event waiting to be written: {@code type} and the stored object (not yet rendered for the client). */
    record Item(String type, ObjectNode object) {
    }

    private final String groupResource;
    private final String namespace;
    private final Predicate<ObjectNode> selector;
    private final Sinks.Many<Item> buffer;
    private final Sinks.Empty<Void> stallSignal = Sinks.empty();
    private final AtomicBoolean stalled = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Disposable connection;
    private volatile Runnable bookmarker;

    Watcher(String groupResource, String namespace, Predicate<ObjectNode> selector, int bufferSize) {
        this.groupResource = groupResource;
        this.namespace = namespace;
        this.selector = selector;
        this.buffer = Sinks.many().unicast().onBackpressureBuffer(Queues.<Item>get(bufferSize).get());
    }

    String groupResource() {
        return groupResource;
    }

    /** The live events; completes when the watcher is ended. */
    Flux<Item> live() {
        return buffer.asFlux();
    }

    /** Completes when the watcher is stalled by the fault API. */
    reactor.core.publisher.Mono<Void> stalledSignal() {
        return stallSignal.asMono();
    }

    boolean isStalled() {
        return stalled.get();
    }

    /** The connection to close when this watcher must be dropped. */
    void connection(Disposable connection) {
        this.connection = connection;
        if (closed.get()) {
            connection.dispose();
        }
    }

    boolean selects(ObjectNode object) {
        return object != null && (namespace == null || namespace.equals(Json.namespace(object)))
                && selector.test(object);
    }

    /** Turns a change into this watcher's event, if it selects it. Called under the store's monitor. */
    void offer(Change change) {
        Item item = eventFor(change);
        if (item != null) {
            emit(item);
        }
    }

    /** This watcher's view of a change: ADDED, MODIFIED or DELETED as the selection dictates, or null. */
    Item eventFor(Change change) {
        if (!change.groupResource().equals(groupResource)) {
            return null;
        }
        boolean now = selects(change.object());
        boolean before = change.previous() != null && selects(change.previous());
        String type = switch (change.type()) {
            case "ADDED" -> now ? "ADDED" : null;
            case "DELETED" -> before ? "DELETED" : null;
            default -> now && before ? "MODIFIED" : now ? "ADDED" : before ? "DELETED" : null;
        };
        return type == null ? null : new Item(type, change.object());
    }

    /** Queues an event the caller built (bookmarks). Called under the store's monitor. */
    void emit(Item item) {
        if (closed.get()) {
            return;
        }
        Sinks.EmitResult result = buffer.tryEmitNext(item);
        if (result == Sinks.EmitResult.FAIL_OVERFLOW && !stalled.get()) {
            // Too far behind: close like the real server, rather than buffer without bound or block the store.
            drop();
        }
    }

    /** Ends the stream cleanly after the events already queued, like a server-side timeout. */
    void end() {
        if (closed.compareAndSet(false, true)) {
            buffer.tryEmitComplete();
        }
    }

    /** Closes the connection at once, like a dropped network connection or a server restart. */
    void drop() {
        if (closed.compareAndSet(false, true)) {
            buffer.tryEmitComplete();
            Disposable c = connection;
            if (c != null) {
                c.dispose();
            }
        }
    }

    /** Stops sending anything more while keeping the connection open, like a half-open TCP connection. */
    void stall() {
        if (stalled.compareAndSet(false, true)) {
            stallSignal.tryEmitEmpty();
        }
    }

    /** How to send this watcher a BOOKMARK now; only set for watches that allowed bookmarks. */
    void bookmarker(Runnable bookmarker) {
        this.bookmarker = bookmarker;
    }

    /** Sends a BOOKMARK now if the client allowed bookmarks; returns whether it did. */
    boolean bookmarkNow() {
        Runnable b = bookmarker;
        if (b == null || closed.get()) {
            return false;
        }
        b.run();
        return true;
    }

    boolean isClosed() {
        return closed.get();
    }
}
