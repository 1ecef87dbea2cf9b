package io.kreactor.examples;

import io.fabric8.kubernetes.api.model.Pod;
import io.kreactor.clientset.KubernetesClientSet;
import io.kreactor.core.api.ListOptions;
import java.time.Duration;

/** Lists the pods of every namespace, 100 per page, printing each as it is decoded. */
public final class ListPods {

    private ListPods() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        try (ExampleCluster cluster = ExampleCluster.connect()) {
            KubernetesClientSet clients = KubernetesClientSet.create(cluster.config());
            // listAll follows continue tokens, fetching the next page only when these items are consumed.
            Long count = clients.coreV1().pods().listAll(ListOptions.DEFAULT.withLimit(100))
                    .doOnNext((Pod p) -> System.out.printf("%s/%s %s%n", p.getMetadata().getNamespace(),
                            p.getMetadata().getName(), p.getStatus() == null ? "" : p.getStatus().getPhase()))
                    .count()
                    .block(Duration.ofMinutes(1));
            System.out.println(count + " pods");
            clients.dispose();
        }
    }
}
