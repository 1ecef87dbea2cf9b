package io.kreactor.testing.server.patch;

/**
 * How a list field is merged, the {@code x-kubernetes-list-type} of the Kubernetes OpenAPI schema (and,
 * for strategic merge patch, its {@code patchStrategy}).
 */
public enum ListType {
    /** The list is one value: a patch or an applied configuration replaces it whole. */
    ATOMIC,
    /** A list of objects identified by key fields ({@code listType=map}, {@code patchStrategy=merge}). */
    MAP,
    /** A list of distinct scalars merged as a set ({@code listType=set}, for example {@code finalizers}). */
    SET
}
