package io.kreactor.core.api;

/**
 * How a list or watch interprets its {@code resourceVersion} parameter ({@code resourceVersionMatch}).
 */
public enum ResourceVersionMatch {
    /** Data at least as new as the given resourceVersion (the given one may be served from a cache). */
    NOT_OLDER_THAN("NotOlderThan"),
    /** Data at exactly the given resourceVersion (list only). */
    EXACT("Exact");

    private final String value;

    ResourceVersionMatch(String value) {
        this.value = value;
    }

    /** The wire value, {@code NotOlderThan} or {@code Exact}. */
    public String value() {
        return value;
    }
}
