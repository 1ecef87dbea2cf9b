package io.kreactor.examples;

import io.kreactor.informers.leaderelection.LeaderElectionConfig;
import io.kreactor.informers.leaderelection.LeaderElector;
import io.kreactor.informers.leaderelection.LeaderEvent;
import io.kreactor.rest.RestClient;
import java.time.Duration;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Two candidates compete for the Lease {@code default/example-lock}; the leader steps down after five seconds
 * (releasing the lease) and the other takes over — how several replicas of a controller share one job.
 */
public final class LeaderElectionExample {

    private LeaderElectionExample() {
    }

    /** Runs the example. */
    public static void main(String[] args) {
        try (ExampleCluster cluster = ExampleCluster.connect()) {
            RestClient rest = RestClient.create(cluster.config());
            LeaderElector a = candidate(rest, "candidate-a-" + UUID.randomUUID().toString().substring(0, 4));
            LeaderElector b = candidate(rest, "candidate-b-" + UUID.randomUUID().toString().substring(0, 4));
            // a gives the lease up after five seconds; b stops one second after it took over.
            Mono<Void> aRuns = a.run(Mono.delay(Duration.ofSeconds(5)));
            Mono<Void> bRuns = b.run(b.events().filter(e -> e instanceof LeaderEvent.StartedLeading).next()
                    .delayElement(Duration.ofSeconds(1)));
            Mono.when(aRuns, bRuns).block(Duration.ofMinutes(2));
            rest.dispose();
        }
    }

    private static LeaderElector candidate(RestClient rest, String identity) {
        LeaderElector elector = LeaderElector.create(LeaderElectionConfig.of("default", "example-lock", identity)
                .withReleaseOnCancel(true), rest);
        elector.events().subscribe(e -> System.out.println(identity + ": " + e));
        return elector;
    }
}
