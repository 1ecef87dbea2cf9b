package io.kreactor.benchmarks.clients;

import io.fabric8.kubernetes.api.model.Pod;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.api.ListMeta;
import io.kreactor.core.api.ListOptions;
import io.kreactor.core.config.ClientConfig;
import io.kreactor.core.config.HttpProtocol;
import io.kreactor.rest.ListElement;
import io.kreactor.rest.RestClient;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * kreactor's {@link RestClient} with default settings except the client-side rate limit, which is off
 * ({@code withRateLimit(0, 0)}): the workloads measure decoding and transport, not client-go's 5 QPS throttle.
 */
public final class KreactorPodClient implements PodClient {

    private static final Duration WAIT = Duration.ofMinutes(5);

    private final RestClient rest;

    /** A client for {@code serverUrl} speaking {@code protocol}. */
    public KreactorPodClient(String serverUrl, HttpProtocol protocol) {
        this.rest = RestClient.create(ClientConfig.builder(serverUrl).build()
                .withRateLimit(0, 0).withHttpProtocol(protocol));
    }

    /** The underlying client, for workloads that use more than list and watch. */
    public RestClient rest() {
        return rest;
    }

    @Override
    public String name() {
        return "kreactor";
    }

    @Override
    public Decoded list(String namespace, int limit) {
        Decoded.Counter counter = new Decoded.Counter();
        // Each page's continue token starts the next page, until the server sends none.
        page(namespace, limit, null, counter)
                .expand(token -> token.isEmpty() ? Mono.empty() : page(namespace, limit, token, counter))
                .then()
                .block(WAIT);
        return counter.result();
    }

    private Mono<String> page(String namespace, int limit, String token, Decoded.Counter counter) {
        ListOptions options = ListOptions.DEFAULT;
        if (limit > 0) {
            options = options.withLimit(limit);
        }
        if (token != null) {
            options = options.withContinue(token);
        }
        AtomicReference<String> cont = new AtomicReference<>("");
        return rest.get().groupVersion(GroupVersion.CORE_V1).namespace(namespace).resource("pods")
                .options(options).list(Pod.class)
                .doOnNext(e -> {
                    if (e instanceof ListElement.Item<Pod> item) {
                        counter.add(item.item().getMetadata().getName(), item.item().getMetadata().getResourceVersion());
                    } else if (e instanceof ListElement.Metadata<Pod> m) {
                        ListMeta meta = m.meta();
                        cont.set(meta.continueToken() == null ? "" : meta.continueToken());
                    }
                })
                .then(Mono.fromSupplier(cont::get));
    }

    @Override
    public Decoded watch(String namespace, int expected) {
        Decoded.Counter counter = new Decoded.Counter();
        rest.get().groupVersion(GroupVersion.CORE_V1).namespace(namespace).resource("pods")
                .watch(Pod.class)
                .take(expected)
                .doOnNext(e -> counter.add(e.object().getMetadata().getName(), e.object().getMetadata().getResourceVersion()))
                .then()
                .block(WAIT);
        return counter.result();
    }

    /** A watch of {@code namespace} as a Flux, for the many-watches workload. */
    public Flux<Pod> watchFlux(String namespace) {
        return rest.get().groupVersion(GroupVersion.CORE_V1).namespace(namespace).resource("pods")
                .watch(Pod.class).map(e -> e.object());
    }

    @Override
    public void close() {
        rest.dispose();
    }
}
