package io.kreactor.testing.junit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersionResource;
import io.kreactor.testing.server.EmbeddedApiServer;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * {@code Mono}s that complete when the state of an {@link EmbeddedApiServer} reaches a condition, for
 * {@code StepVerifier} and {@code Mono.then} chains in tests. They re-check the condition on the server's own change
 * notifications (every write, every watch opened or closed) and never poll by sleeping; bound them with
 * {@code timeout(...)} or {@code verify(Duration)}.
 *
 * <pre>{@code
 * StepVerifier.create(controller.start().then(ServerConditions.watchersAtLeast(server, 1)))
 *         .verifyComplete();
 * }</pre>
 */
public final class ServerConditions {

    private ServerConditions() {
    }

    /** Emits the object once it exists and satisfies {@code condition}. */
    public static Mono<ObjectNode> object(EmbeddedApiServer server, GroupVersionResource gvr, String namespace,
                                          String name, Predicate<ObjectNode> condition) {
        Objects.requireNonNull(condition, "condition");
        AtomicReference<ObjectNode> match = new AtomicReference<>();
        return server.until(s -> {
            ObjectNode object = s.get(gvr, namespace, name);
            if (object != null && condition.test(object)) {
                match.set(object);
                return true;
            }
            return false;
        }).then(Mono.fromSupplier(match::get));
    }

    /** Emits the object once it exists. */
    public static Mono<ObjectNode> exists(EmbeddedApiServer server, GroupVersionResource gvr, String namespace,
                                          String name) {
        return object(server, gvr, namespace, name, o -> true);
    }

    /** Completes once the object does not exist (any more). */
    public static Mono<Void> deleted(EmbeddedApiServer server, GroupVersionResource gvr, String namespace,
                                     String name) {
        return server.until(s -> s.get(gvr, namespace, name) == null);
    }

    /** Completes once the resource has {@code count} objects in {@code namespace} (null: all namespaces). */
    public static Mono<Void> count(EmbeddedApiServer server, GroupVersionResource gvr, String namespace, int count) {
        return server.until(s -> s.list(gvr, namespace).size() == count);
    }

    /** Completes once at least {@code count} watches are open: a client's informer has started watching. */
    public static Mono<Void> watchersAtLeast(EmbeddedApiServer server, int count) {
        return server.until(s -> s.faults().openWatches() >= count);
    }
}
