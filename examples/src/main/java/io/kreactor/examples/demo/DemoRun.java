package io.kreactor.examples.demo;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kreactor.clientset.KubernetesClientSet;
import io.kreactor.clientset.typed.CoreV1Client;
import io.kreactor.core.api.PatchType;
import io.kreactor.core.api.Unstructured;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.informers.informer.InformerConfig;
import io.kreactor.informers.informer.InformerKey;
import io.kreactor.informers.informer.SharedIndexInformer;
import io.kreactor.informers.informer.SharedInformerFactory;
import io.kreactor.informers.reconcile.Controller;
import io.kreactor.rest.resource.ResourceClient;
import java.time.Duration;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The demo as one reactive pipeline: connect, create a namespace, list and watch, start an informer, run a reconcile
 * loop until it converges, clean up. Every step is a {@code Mono}; nothing blocks until {@link Demo#main} waits
 * for the end.
 */
public final class DemoRun {

    private static final Duration CONVERGE_TIMEOUT = Duration.ofSeconds(60);

    private final DemoOptions options;
    private final Narrator n;

    /** A run with {@code options}, narrated by {@code n}. */
    public DemoRun(DemoOptions options, Narrator n) {
        this.options = options;
        this.n = n;
    }

    /** Runs the whole demo; emits the summary, or fails with the first error after cleaning up. */
    public Mono<DemoSummary> run() {
        n.step(options.cluster() ? "Connect to the cluster" : "Start an embedded Kubernetes API server");
        // The embedded server may signal "started" on its event loop, and creating a client can initialize
        // Reactor Netty's TLS defaults (which read the JVM's random seed): create it on a thread that may block.
        return DemoTarget.open(options, n).publishOn(Schedulers.boundedElastic()).flatMap(target -> {
            KubernetesClientSet clients = KubernetesClientSet.create(target.config());
            return Mono.usingWhen(createNamespace(clients),
                    ns -> steps(target, clients, ns),
                    ns -> cleanUp(target, clients, ns),
                    (ns, error) -> cleanUp(target, clients, ns),
                    ns -> cleanUp(target, clients, ns))
                    .doFinally(s -> clients.dispose())
                    .flatMap(summary -> target.close().thenReturn(summary))
                    .onErrorResume(e -> target.close().then(Mono.error(e)));
        });
    }

    private Mono<String> createNamespace(KubernetesClientSet clients) {
        n.step("Create a namespace of our own");
        Namespace ns = new NamespaceBuilder().withNewMetadata().withGenerateName("kreactor-demo-").endMetadata().build();
        return clients.coreV1().namespaces().create(ns).map(created -> {
            n.detail("created namespace %s (the server chose the name from generateName)", created.getMetadata().getName());
            return created.getMetadata().getName();
        });
    }

    private Mono<DemoSummary> steps(DemoTarget target, KubernetesClientSet clients, String namespace) {
        ResourceClient<ConfigMap> configMaps = clients.coreV1().configMaps(namespace);
        ListAndWatchSteps listAndWatch = new ListAndWatchSteps(configMaps, n);
        SharedInformerFactory factory = SharedInformerFactory.create(clients.restClient(), InformerConfig.DEFAULT);
        InformerStep informerStep = new InformerStep(factory, CoreV1Client.CONFIG_MAPS.gvr(), namespace, n);
        ResourceClient<Unstructured> greetings = ResourceClient.create(clients.restClient(), GreetingResource.DESCRIPTOR,
                Unstructured.class).inNamespace(namespace);
        DemoSummary.Builder summary = new DemoSummary.Builder(namespace);

        Mono<Void> listAndWatchPart = Mono.defer(() -> {
            n.step("Create " + options.objects() + " ConfigMaps");
            return listAndWatch.create(options.objects()).doOnNext(summary::created);
        }).then(Mono.defer(() -> {
            n.step("List them with pagination (pages of 10, continue tokens)");
            return listAndWatch.listInPages().flatMap(rv -> listAndWatch.streamAll().doOnNext(summary::listed).thenReturn(rv));
        })).flatMap(rv -> {
            n.step("Watch from the list's resourceVersion while changing objects");
            return listAndWatch.watchChanges(rv, options.objects()).doOnNext(events -> summary.watched(events.size()));
        }).then();

        Mono<Void> informerPart = Mono.defer(() -> {
            n.step("Start a shared informer with a 'tier' index and query its cache");
            factory.start();
            return informerStep.showCache(namespace).doOnNext(summary::cached)
                    .then(informerStep.showLiveUpdate(configMaps));
        });

        Mono<Void> reconcilePart = Mono.defer(() -> {
            n.step("Run a reconcile loop: keep a ConfigMap in step with each Greeting custom resource");
            return GreetingResource.register(clients, greetings).then(Mono.defer(() -> {
                n.detail("registered the CustomResourceDefinition greetings.%s", GreetingResource.GROUP);
                SharedIndexInformer<Unstructured> greetingInformer = factory.informerFor(
                        InformerKey.of(GreetingResource.DESCRIPTOR.gvr(), Unstructured.class).inNamespace(namespace));
                factory.start();
                GreetingController controller = new GreetingController(greetings, configMaps, greetingInformer,
                        informerStep.informer());
                Controller running = controller.start();
                return converge(controller, greetings, configMaps, namespace)
                        .then(Mono.defer(() -> running.stop(Duration.ofSeconds(10))))
                        .doOnSuccess(v -> summary.reconciled(controller.reconciles(), controller.writes()))
                        .doOnError(e -> running.dispose());
            }));
        });

        return listAndWatchPart.then(informerPart).then(reconcilePart)
                .doFinally(s -> factory.shutdown())
                .then(Mono.fromSupplier(() -> summary.build(n.elapsed())));
    }

    private Mono<Void> converge(GreetingController controller, ResourceClient<Unstructured> greetings,
                                ResourceClient<ConfigMap> configMaps, String namespace) {
        Map<String, String> initial = Map.of("alice", "good morning", "bob", "good afternoon", "carol", "good evening");
        Map<String, String> changed = new java.util.HashMap<>(initial);
        changed.put("bob", "good night");
        String alice = GreetingController.configMapName("alice");
        long start = System.nanoTime();
        return Flux.fromIterable(initial.entrySet())
                .flatMap(e -> greetings.create(GreetingResource.greeting(namespace, e.getKey(), e.getValue())))
                .then(Mono.fromRunnable(() -> n.detail("created Greetings alice, bob and carol")))
                .then(controller.converged(initial, CONVERGE_TIMEOUT))
                .then(Mono.fromRunnable(() -> n.detail("converged: 3 Greetings -> 3 ConfigMaps in %d ms (%d reconciles, %d writes)",
                        (System.nanoTime() - start) / 1_000_000, controller.reconciles(), controller.writes())))
                .then(greetings.patch("bob", PatchType.MERGE, Map.of("spec", Map.of("message", "good night"))))
                .then(Mono.fromRunnable(() -> n.detail("changed bob's message to \"good night\"")))
                .then(controller.converged(changed, CONVERGE_TIMEOUT))
                .then(configMaps.get(GreetingController.configMapName("bob")))
                .doOnNext(cm -> n.detail("converged: ConfigMap greeting-bob now says \"%s\"", cm.getData().get("greeting")))
                .then(Mono.when(controller.configMapDeletion(alice, CONVERGE_TIMEOUT), configMaps.delete(alice)))
                .then(Mono.fromRunnable(() -> n.detail("deleted ConfigMap greeting-alice behind the controller's back")))
                .then(controller.converged(changed, CONVERGE_TIMEOUT))
                .then(configMaps.get(alice))
                .doOnNext(cm -> n.detail("converged: the controller recreated greeting-alice (\"%s\")", cm.getData().get("greeting")))
                .then();
    }

    private Mono<Void> cleanUp(DemoTarget target, KubernetesClientSet clients, String namespace) {
        if (target.embedded()) {
            return Mono.empty();
        }
        n.step("Clean up");
        return clients.coreV1().namespaces().delete(namespace)
                .onErrorResume(NotFoundException.class, e -> Mono.empty())
                .then(GreetingResource.unregister(clients))
                .doOnSuccess(v -> n.detail("deleted namespace %s and the Greeting CRD", namespace));
    }
}
