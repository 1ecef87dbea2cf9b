package io.kreactor.examples;

import io.fabric8.kubernetes.api.model.Pod;
import io.kreactor.clientset.KubernetesClientSet;
import io.kreactor.clientset.typed.CoreV1Client;
import io.kreactor.informers.informer.InformerConfig;
import io.kreactor.informers.informer.InformerEvent;
import io.kreactor.informers.informer.SharedIndexInformer;
import io.kreactor.informers.informer.SharedInformerFactory;
import io.kreactor.informers.store.Transforms;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A shared informer over all pods with an index by node name, printing how many pods each node runs once the cache
 * is synced, then every change for 30 seconds. The transform drops {@code managedFields} to save memory.
 */
public final class InformerWithIndex {

    private InformerWithIndex() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        try (ExampleCluster cluster = ExampleCluster.connect()) {
            KubernetesClientSet clients = KubernetesClientSet.create(cluster.config());
            SharedInformerFactory factory = SharedInformerFactory.create(clients.restClient(), InformerConfig.DEFAULT);
            SharedIndexInformer<Pod> pods = factory.informerFor(CoreV1Client.PODS.gvr(), Pod.class)
                    .addIndexers(Map.of("node", p -> List.of(p.getSpec() == null || p.getSpec().getNodeName() == null
                            ? "<unscheduled>" : p.getSpec().getNodeName())))
                    .setTransform(Transforms.dropManagedFields(Pod.class));
            factory.start();
            factory.waitForCacheSync().block(Duration.ofMinutes(1));
            for (String node : pods.indexer().listIndexFuncValues("node")) {
                System.out.printf("%s runs %d pods%n", node, pods.indexer().byIndex("node", node).size());
            }
            pods.events()
                    .skip(pods.indexer().size())                     // the first events replay the cache as Added
                    .doOnNext((InformerEvent<Pod> e) -> System.out.println(e.getClass().getSimpleName() + " "
                            + e.object().getMetadata().getNamespace() + "/" + e.object().getMetadata().getName()))
                    .take(Duration.ofSeconds(30))
                    .blockLast();
            factory.shutdown();
            clients.dispose();
        }
    }
}
