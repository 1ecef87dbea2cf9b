package io.kreactor.informers.leaderelection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.errors.NotFoundException;
import io.kreactor.rest.Request;
import io.kreactor.rest.RestClient;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * A {@link LeaseLock} over {@code /apis/coordination.k8s.io/v1/namespaces/{ns}/leases/{name}}, client-go's
 * {@code resourcelock.LeaseLock}. The Lease is handled as a Jackson tree so that this module needs no model
 * types; the last Lease read or written is kept, and an update sends it back with the new spec — its
 * {@code metadata.resourceVersion} makes the API server reject the write with 409 Conflict if anybody wrote
 * in between.
 */
final class RestLeaseLock implements LeaseLock {

    private static final GroupVersion COORDINATION_V1 = new GroupVersion("coordination.k8s.io", "v1");

    private final RestClient rest;
    private final String namespace;
    private final String name;
    private volatile ObjectNode lease;

    RestLeaseLock(RestClient rest, String namespace, String name) {
        this.rest = Objects.requireNonNull(rest, "rest");
        this.namespace = requireNonEmpty(namespace, "namespace");
        this.name = requireNonEmpty(name, "name");
    }

    private static String requireNonEmpty(String value, String what) {
        Objects.requireNonNull(value, what);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("lease " + what + " must not be empty");
        }
        return value;
    }

    @Override
    public String describe() {
        return namespace + "/" + name;
    }

    @Override
    public Mono<LeaderElectionRecord> get() {
        return leases(rest.get()).name(name).retrieve(ObjectNode.class)
                .map(this::remember)
                .onErrorResume(NotFoundException.class, e -> Mono.empty());
    }

    @Override
    public Mono<Void> create(LeaderElectionRecord record) {
        Objects.requireNonNull(record, "record");
        return Mono.defer(() -> leases(rest.post()).body(LeaseRecords.newLease(namespace, name, record)).retrieve(ObjectNode.class))
                .doOnNext(this::remember)
                .then();
    }

    @Override
    public Mono<Void> update(LeaderElectionRecord record) {
        Objects.requireNonNull(record, "record");
        return Mono.defer(() -> {
            ObjectNode last = lease;
            if (last == null) {
                return Mono.error(new IllegalStateException("lease " + describe() + " not initialized: call get or create first"));
            }
            ObjectNode body = last.deepCopy();
            body.set("spec", LeaseRecords.toSpec(record));
            return leases(rest.put()).name(name).body(body).retrieve(ObjectNode.class);
        }).doOnNext(this::remember).then();
    }

    private Request leases(Request request) {
        return request.groupVersion(COORDINATION_V1).namespace(namespace).resource("leases");
    }

    private LeaderElectionRecord remember(ObjectNode fresh) {
        LeaderElectionRecord record = LeaseRecords.fromLease(fresh);
        lease = fresh;
        return record;
    }

    @Override
    public String toString() {
        return "LeaseLock[" + describe() + "]";
    }
}
