package io.kreactor.rest.discovery;

import io.kreactor.core.api.GroupVersion;
import io.kreactor.core.errors.KubernetesException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Discovery of one or more group versions failed (client-go's {@code ErrGroupDiscoveryFailed}). Carries the
 * partial {@link DiscoveryResult} — everything that did answer — and names each failed group version with its
 * cause in the message, so callers can go on with what they have (as kubectl does) or stop.
 */
public class GroupDiscoveryFailedException extends KubernetesException {

    private final transient DiscoveryResult partialResult;

    /** A failure for the group versions {@code result} lists as failed. */
    public GroupDiscoveryFailedException(DiscoveryResult result) {
        super(message(result.failed()), result.failed().values().stream().findFirst().orElse(null));
        this.partialResult = result;
        result.failed().values().stream().skip(1).forEach(this::addSuppressed);
    }

    /** What discovery found, including the resources of every group version that answered. */
    public DiscoveryResult partialResult() {
        return partialResult;
    }

    /** The group versions that failed, each with its cause. */
    public Map<GroupVersion, Throwable> failedGroups() {
        return partialResult.failed();
    }

    private static String message(Map<GroupVersion, Throwable> failed) {
        return "unable to retrieve the complete list of server APIs: " + failed.entrySet().stream()
                .map(e -> e.getKey().apiVersion() + ": " + e.getValue().getMessage())
                .collect(Collectors.joining(", "));
    }
}
