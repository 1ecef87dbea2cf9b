package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What the API server does with unknown or duplicate fields in the body of a create, update or patch
 * (the {@code fieldValidation} query parameter, server-side field validation, GA since Kubernetes 1.27).
 * When the parameter is absent the server behaves as {@link #WARN}.
 */
public enum FieldValidation {
    /** Silently drop unknown fields and keep the last of duplicate fields (the pre-1.25 behaviour). */
    IGNORE("Ignore"),
    /** Drop unknown fields, but report each one in a {@code Warning} response header (the server default). */
    WARN("Warn"),
    /** Reject the request with a 400 BadRequest naming every unknown or duplicate field. */
    STRICT("Strict");

    private final String value;

    FieldValidation(String value) {
        this.value = value;
    }

    /** The wire value: {@code Ignore}, {@code Warn} or {@code Strict}. */
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
    public static FieldValidation fromValue(String value) {
        return WireValues.lookup(FieldValidation.class, values(), FieldValidation::value, "fieldValidation", value);
    }
}
