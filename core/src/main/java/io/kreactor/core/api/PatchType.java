package io.kreactor.core.api;

/**
 * The patch formats the API server accepts, each sent with its own {@code Content-Type}.
 */
public enum PatchType {
    /** RFC 6902 JSON patch: a list of operations. */
    JSON("application/json-patch+json"),
    /** RFC 7386 JSON merge patch: {@code null} deletes, lists are replaced whole. */
    MERGE("application/merge-patch+json"),
    /** Kubernetes strategic merge patch: lists merge by their merge keys (built-in types only). */
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    /** Server-side apply: the body is the full intent of one field manager. */
    APPLY("application/apply-patch+yaml");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    /** The {@code Content-Type} header value for this patch format. */
    public String contentType() {
        return contentType;
    }

    /**
     * Finds the patch type for a {@code Content-Type} value, ignoring parameters such as {@code charset}.
     *
     * @throws IllegalArgumentException naming the value when it is not a patch content type
     */
    public static PatchType fromContentType(String contentType) {
        String bare = contentType == null ? "" : contentType.split(";", 2)[0].trim();
        for (PatchType t : values()) {
            if (t.contentType.equalsIgnoreCase(bare)) {
                return t;
            }
        }
        throw new IllegalArgumentException("not a patch content type: '" + contentType + "'");
    }
}
