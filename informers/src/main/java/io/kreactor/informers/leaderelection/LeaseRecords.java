package io.kreactor.informers.leaderelection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Converts between a {@link LeaderElectionRecord} and a Lease's {@code spec}, as client-go's
 * {@code LeaderElectionRecordToLeaseSpec} / {@code LeaseSpecToLeaderElectionRecord} do. Times are
 * {@code metav1.MicroTime}: RFC 3339 with six fractional digits, in UTC.
 */
final class LeaseRecords {

    static final String API_VERSION = "coordination.k8s.io/v1";
    static final String KIND = "Lease";
    private static final DateTimeFormatter MICRO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private LeaseRecords() {
    }

    static ObjectNode toSpec(LeaderElectionRecord record) {
        ObjectNode spec = JsonNodeFactory.instance.objectNode();
        spec.put("holderIdentity", record.holderIdentity());
        spec.put("leaseDurationSeconds", record.leaseDurationSeconds());
        if (record.acquireTime() != null) {
            spec.put("acquireTime", MICRO_TIME.format(record.acquireTime()));
        }
        if (record.renewTime() != null) {
            spec.put("renewTime", MICRO_TIME.format(record.renewTime()));
        }
        spec.put("leaseTransitions", record.leaderTransitions());
        return spec;
    }

    static ObjectNode newLease(String namespace, String name, LeaderElectionRecord record) {
        ObjectNode lease = JsonNodeFactory.instance.objectNode();
        lease.put("apiVersion", API_VERSION);
        lease.put("kind", KIND);
        lease.putObject("metadata").put("name", name).put("namespace", namespace);
        lease.set("spec", toSpec(record));
        return lease;
    }

    /**
     * Reads the record from a Lease object.
     *
     * @throws IllegalArgumentException naming the field when a time is not an RFC 3339 timestamp
     */
    static LeaderElectionRecord fromLease(JsonNode lease) {
        JsonNode spec = lease.path("spec");
        return new LeaderElectionRecord(spec.path("holderIdentity").asText(""), spec.path("leaseDurationSeconds").asInt(0),
                time(spec, "acquireTime"), time(spec, "renewTime"), spec.path("leaseTransitions").asInt(0));
    }

    private static Instant time(JsonNode spec, String field) {
        JsonNode value = spec.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Lease spec." + field + " is not an RFC 3339 time: '" + value.asText() + "'", e);
        }
    }
}
