package io.kreactor.core.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code metav1.Preconditions}: a delete only goes ahead when the live object still has this uid and/or
 * resourceVersion; otherwise the server answers 409 Conflict. Use the uid to avoid deleting a same-named
 * object that was re-created, the resourceVersion to avoid deleting one that changed since it was read.
 *
 * @param uid             the uid the object must have, or null for no check
 * @param resourceVersion the resourceVersion the object must have, or null for no check
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Preconditions(String uid, String resourceVersion) {

    /** A precondition on the uid only. */
    public static Preconditions uid(String uid) {
        return new Preconditions(uid, null);
    }

    /** A precondition on the resourceVersion only. */
    public static Preconditions resourceVersion(String resourceVersion) {
        return new Preconditions(null, resourceVersion);
    }

    /** True when neither field is set, so the preconditions check nothing. */
    @JsonIgnore
    public boolean isEmpty() {
        return (uid == null || uid.isEmpty()) && (resourceVersion == null || resourceVersion.isEmpty());
    }
}
