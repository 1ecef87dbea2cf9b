package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a DELETE or DELETECOLLECTION ({@code metav1.DeleteOptions}). Immutable: every {@code withX}
 * returns a copy. {@link #DEFAULT} sets nothing: the object's own grace period, the resource's default
 * propagation, no preconditions, a real delete.
 *
 * <p>client-go sends these as a JSON body ({@link #toBody()}, {@code {"kind":"DeleteOptions","apiVersion":"v1",...}});
 * the API server also reads {@code gracePeriodSeconds}, {@code propagationPolicy} and {@code dryRun} from the
 * query string ({@link #toQueryParameters()}). Preconditions have no query form: they only travel in the body,
 * so a caller that sends query parameters alone must check {@link #requiresBody()}.
 *
 * @param gracePeriodSeconds {@code gracePeriodSeconds}: seconds the object gets to terminate before it is
 *                           removed; {@code 0} deletes immediately; null uses the object's default (a pod's
 *                           {@code terminationGracePeriodSeconds})
 * @param propagationPolicy  {@code propagationPolicy}: what happens to dependents, or null for the resource's default
 * @param preconditions      {@code preconditions}: uid / resourceVersion the live object must still have, or null
 * @param dryRun             {@code dryRun=All} when true: answer as if deleted, delete nothing
 */
public record DeleteOptions(Long gracePeriodSeconds, PropagationPolicy propagationPolicy, Preconditions preconditions,
                            Boolean dryRun) implements QueryOptions {

    /** No options at all. */
    public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null);

    /** The {@code kind} of the body form. */
    public static final String KIND = "DeleteOptions";

    /** Rejects a negative grace period, which the API server refuses. */
    public DeleteOptions {
        if (gracePeriodSeconds != null && gracePeriodSeconds < 0) {
            throw new IllegalArgumentException("gracePeriodSeconds must not be negative, was " + gracePeriodSeconds);
        }
    }

    /** A copy with {@code gracePeriodSeconds}; {@code 0} asks for immediate deletion. */
    public DeleteOptions withGracePeriodSeconds(long gracePeriodSeconds) {
        return new DeleteOptions(gracePeriodSeconds, propagationPolicy, preconditions, dryRun);
    }

    /** A copy with {@code propagationPolicy} (null removes it). */
    public DeleteOptions withPropagationPolicy(PropagationPolicy propagationPolicy) {
        return new DeleteOptions(gracePeriodSeconds, propagationPolicy, preconditions, dryRun);
    }

    /** A copy with {@code preconditions} (null removes them). */
    public DeleteOptions withPreconditions(Preconditions preconditions) {
        return new DeleteOptions(gracePeriodSeconds, propagationPolicy, preconditions, dryRun);
    }

    /** A copy that asks for (or no longer asks for) a dry run, {@code dryRun=All}. */
    public DeleteOptions withDryRun(boolean dryRun) {
        return new DeleteOptions(gracePeriodSeconds, propagationPolicy, preconditions, dryRun);
    }

    /** True when preconditions are set: they cannot be expressed as query parameters. */
    public boolean requiresBody() {
        return preconditions != null && !preconditions.isEmpty();
    }

    /**
     * The query form: {@code gracePeriodSeconds}, {@code propagationPolicy}, {@code dryRun=All}. Preconditions
     * are not included (Kubernetes defines no query parameter for them); see {@link #requiresBody()}.
     */
    @Override
    public Map<String, String> toQueryParameters() {
        Map<String, String> q = new LinkedHashMap<>();
        ListOptions.putIfSet(q, "gracePeriodSeconds", gracePeriodSeconds);
        ListOptions.putIfSet(q, "propagationPolicy", propagationPolicy == null ? null : propagationPolicy.value());
        ListOptions.putIfSet(q, "dryRun", Boolean.TRUE.equals(dryRun) ? WriteParameters.DRY_RUN_ALL : null);
        return q;
    }

    /** The JSON body form, as client-go sends it with a DELETE. */
    public Body toBody() {
        return new Body(KIND, GroupVersion.CORE_V1.apiVersion(), gracePeriodSeconds,
                requiresBody() ? preconditions : null, propagationPolicy,
                Boolean.TRUE.equals(dryRun) ? List.of(WriteParameters.DRY_RUN_ALL) : null);
    }

    /**
     * The JSON body of a delete, {@code {"kind":"DeleteOptions","apiVersion":"v1",...}}, serialized and read by
     * {@link KubernetesJson#mapper()}. Reading it back ({@link #toOptions()}) lets a server accept the body form.
     *
     * @param kind               always {@code DeleteOptions}
     * @param apiVersion         {@code v1} (the server also accepts the meta group versions)
     * @param gracePeriodSeconds see {@link DeleteOptions#gracePeriodSeconds()}
     * @param preconditions      see {@link DeleteOptions#preconditions()}
     * @param propagationPolicy  see {@link DeleteOptions#propagationPolicy()}
     * @param dryRun             {@code ["All"]} for a dry run, otherwise absent
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kind", "apiVersion", "gracePeriodSeconds", "preconditions", "propagationPolicy", "dryRun"})
    public record Body(String kind, String apiVersion, Long gracePeriodSeconds, Preconditions preconditions,
                       PropagationPolicy propagationPolicy, List<String> dryRun) {

        /**
         * The options this body stands for.
         *
         * @throws IllegalArgumentException when {@code dryRun} holds a value other than {@code All}, as the
         *                                  API server rejects it
         */
        public DeleteOptions toOptions() {
            boolean isDryRun = false;
            if (dryRun != null) {
                for (String v : dryRun) {
                    if (!WriteParameters.DRY_RUN_ALL.equals(v)) {
                        throw new IllegalArgumentException("unsupported dryRun value '" + v + "': the only valid value is 'All'");
                    }
                    isDryRun = true;
                }
            }
            return new DeleteOptions(gracePeriodSeconds, propagationPolicy, preconditions, isDryRun ? Boolean.TRUE : null);
        }
    }
}
