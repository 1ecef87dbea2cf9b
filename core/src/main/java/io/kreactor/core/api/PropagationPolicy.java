package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a delete treats the object's dependents, those whose {@code ownerReferences} point at it (the
 * {@code propagationPolicy} of {@code metav1.DeleteOptions}). When unset the server uses the resource's
 * default: {@link #BACKGROUND} for most resources, {@link #ORPHAN} for some legacy workload APIs.
 */
public enum PropagationPolicy {
    /** Leave the dependents in place and remove the owner reference from them. */
    ORPHAN("Orphan"),
    /** Delete the owner now; the garbage collector deletes the dependents afterwards. */
    BACKGROUND("Background"),
    /**
     * Keep the owner (with a {@code foregroundDeletion} finalizer and a deletionTimestamp) until every
     * dependent with {@code blockOwnerDeletion=true} is gone, then delete it.
     */
    FOREGROUND("Foreground");

    private final String value;

    PropagationPolicy(String value) {
        this.value = value;
    }

    /** The wire value: {@code Orphan}, {@code Background} or {@code Foreground}. */
    @JsonValue
    public String value() {
        return value;
    }

    /**
     * The constant for a wire value, matched exactly as the API server does.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    @JsonCreator
    public static PropagationPolicy fromValue(String value) {
        return WireValues.lookup(PropagationPolicy.class, values(), PropagationPolicy::value, "propagationPolicy", value);
    }
}
