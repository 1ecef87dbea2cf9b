package io.kreactor.examples.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.kreactor.core.api.PatchOptions;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.informers.informer.InformerEvent;
import io.kreactor.informers.informer.SharedIndexInformer;
import io.kreactor.informers.reconcile.Controller;
import io.kreactor.informers.reconcile.KeyMappers;
import io.kreactor.informers.reconcile.ReconcileResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A small level-triggered controller: for every {@code Greeting} it keeps a ConfigMap {@code greeting-<name>}
 * whose {@code data.message} equals the Greeting's {@code spec.message}, owned by the Greeting (so the
 * ConfigMap's own changes are mapped back to the Greeting's key). It reads desired and actual state from the
 * informers' caches and writes only when they differ, so an idle system sends no requests.
 */
final class GreetingController {

    static final String FIELD_MANAGER = "kreactor-demo";

    private final io.kreactor.rest.resource.ResourceClient<Unstructured> greetings;
    private final io.kreactor.rest.resource.ResourceClient<ConfigMap> configMaps;
    private final SharedIndexInformer<Unstructured> greetingInformer;
    private final SharedIndexInformer<ConfigMap> configMapInformer;
    private final AtomicInteger reconciles = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    GreetingController(io.kreactor.rest.resource.ResourceClient<Unstructured> greetings,
                       io.kreactor.rest.resource.ResourceClient<ConfigMap> configMaps,
                       SharedIndexInformer<Unstructured> greetingInformer, SharedIndexInformer<ConfigMap> configMapInformer) {
        this.greetings = greetings;
        this.configMaps = configMaps;
        this.greetingInformer = greetingInformer;
        this.configMapInformer = configMapInformer;
    }

    static String configMapName(String greeting) {
        return "greeting-" + greeting;
    }

    /** Starts the reconcile loop: Greeting events by their own key, ConfigMap events by their controlling owner. */
    Controller start() {
        Function<ConfigMap, List<String>> owner = KeyMappers.controllerOwner(GreetingResource.API_VERSION, GreetingResource.KIND);
        return Controller.builder("greetings")
                .watches(greetingInformer.events(), e -> List.of(greetingInformer.indexer().keyOf(e.object())))
                .watches(configMapInformer.events(), (InformerEvent<ConfigMap> e) -> owner.apply(e.object()))
                .waitFor(Mono.when(greetingInformer.synced(), configMapInformer.synced()))
                .maxConcurrentReconciles(2)
                .reconciler(this::reconcile)
                .build()
                .start();
    }

    /** How many times {@code reconcile} ran. */
    int reconciles() {
        return reconciles.get();
    }

    /** How many writes the reconciles sent. */
    int writes() {
        return writes.get();
    }

    private Mono<ReconcileResult> reconcile(String key) {
        reconciles.incrementAndGet();
        String[] nsName = key.split("/", 2);
        String namespace = nsName[0];
        String name = nsName[1];
        Unstructured greeting = greetingInformer.indexer().getByKey(key).orElse(null);
        if (greeting == null) {
            // The Greeting is gone; a real cluster's garbage collector would also remove the owned ConfigMap.
            return configMaps.inNamespace(namespace).delete(configMapName(name))
                    .onErrorResume(NotFoundException.class, e -> Mono.empty())
                    .thenReturn(ReconcileResult.done());
        }
        ConfigMap desired = desiredConfigMap(greeting);
        ConfigMap actual = configMapInformer.indexer().getByKey(namespace + "/" + configMapName(name)).orElse(null);
        Mono<Void> ensureConfigMap = actual != null && Objects.equals(actual.getData(), desired.getData())
                && actual.getMetadata().getOwnerReferences().equals(desired.getMetadata().getOwnerReferences())
                ? Mono.empty()
                : configMaps.inNamespace(namespace).apply(desired, FIELD_MANAGER, true).doOnNext(c -> writes.incrementAndGet()).then();
        boolean statusCurrent = configMapName(name).equals(greeting.nested("status", "configMap").asText(null));
        Mono<Void> ensureStatus = statusCurrent
                ? Mono.empty()
                : greetings.inNamespace(namespace).patchStatus(name, PatchType.MERGE,
                        Map.of("status", Map.of("configMap", configMapName(name))), PatchOptions.DEFAULT)
                .doOnNext(g -> writes.incrementAndGet()).then();
        return ensureConfigMap.then(ensureStatus).thenReturn(ReconcileResult.done());
    }

    private static ConfigMap desiredConfigMap(Unstructured greeting) {
        String message = GreetingResource.message(greeting);
        return new ConfigMapBuilder()
                .withNewMetadata().withName(configMapName(greeting.name())).withNamespace(greeting.namespace())
                .addToLabels(ListAndWatchSteps.APP_LABEL, ListAndWatchSteps.APP)
                .addToLabels(ListAndWatchSteps.TIER_LABEL, "greeting")
                .addToOwnerReferences(new OwnerReferenceBuilder().withApiVersion(GreetingResource.API_VERSION)
                        .withKind(GreetingResource.KIND).withName(greeting.name()).withUid(greeting.uid())
                        .withController(true).withBlockOwnerDeletion(true).build())
                .endMetadata()
                .withData(Map.of("message", message, "greeting", "Hello, " + message + "!"))
                .build();
    }

    /**
     * Completes when the caches show exactly the Greetings in {@code messages} (name → {@code spec.message}), each
     * with its ConfigMap saying the same and its status pointing at it. Checked after each informer event
     * (level-triggered: the check reads the caches, not the event). Because the expected messages are given, a
     * cache that has not yet seen a change cannot pass for converged.
     */
    Mono<Void> converged(Map<String, String> messages, Duration timeout) {
        return Flux.merge(greetingInformer.events().map(e -> 0), configMapInformer.events().map(e -> 0))
                .filter(e -> isConverged(messages))
                .next()
                .timeout(timeout)
                .then();
    }

    /** Completes once the ConfigMap informer has seen {@code name} deleted (subscribe before deleting). */
    Mono<Void> configMapDeletion(String name, Duration timeout) {
        return configMapInformer.events()
                .filter(e -> e instanceof InformerEvent.Deleted<ConfigMap> && name.equals(e.object().getMetadata().getName()))
                .next()
                .timeout(timeout)
                .then();
    }

    private boolean isConverged(Map<String, String> messages) {
        List<Unstructured> all = greetingInformer.indexer().list();
        if (all.size() != messages.size()) {
            return false;
        }
        for (Unstructured g : all) {
            String expected = messages.get(g.name());
            ConfigMap cm = configMapInformer.indexer().getByKey(g.namespace() + "/" + configMapName(g.name())).orElse(null);
            if (expected == null || !expected.equals(GreetingResource.message(g)) || cm == null
                    || !expected.equals(cm.getData().get("message"))
                    || !configMapName(g.name()).equals(g.nested("status", "configMap").asText(null))) {
                return false;
            }
        }
        return true;
    }
}
