package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A {@code metav1.Status}: the body of every failed API call and of watch ERROR events.
 *
 * @param kind       always {@code Status}
 * @param apiVersion always {@code v1}
 * @param status     {@code Success} or {@code Failure}
 * @param message    a human-readable description
 * @param reason     a machine-readable {@code StatusReason} such as {@code NotFound}, {@code Conflict}, {@code Expired}
 * @param details    the object the failure is about, with field causes; may be null
 * @param code       the HTTP status code this Status stands for (0 when absent; 0 is not written, as the
 *                   server's {@code omitempty} does)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Status(String kind, String apiVersion, String status, String message, String reason,
                     Details details, @JsonInclude(JsonInclude.Include.NON_DEFAULT) int code) {

    /** {@code status} value of a failure. */
    public static final String FAILURE = "Failure";
    /** {@code status} value of a success. */
    public static final String SUCCESS = "Success";

    /** A Failure status with {@code code}, {@code reason} and {@code message} and no details. */
    public static Status failure(int code, String reason, String message) {
        return new Status("Status", "v1", FAILURE, message, reason, null, code);
    }

    /**
     * {@code metav1.StatusDetails}: which object the status is about and why.
     *
     * @param name              the object's name
     * @param group             the object's group
     * @param kind              the object's kind (or resource)
     * @param uid               the object's uid
     * @param causes            field-level causes, for {@code Invalid} especially
     * @param retryAfterSeconds seconds to wait before retrying (0 when absent, and then not written)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Details(String name, String group, String kind, String uid, List<Cause> causes,
                          @JsonInclude(JsonInclude.Include.NON_DEFAULT) int retryAfterSeconds) {
    }

    /**
     * {@code metav1.StatusCause}: one reason a request failed, often pointing at a field.
     *
     * @param reason  a machine-readable cause such as {@code FieldValueRequired}
     * @param message a human-readable description
     * @param field   the JSON path of the field, such as {@code spec.containers[0].name}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cause(String reason, String message, String field) {
    }
}
