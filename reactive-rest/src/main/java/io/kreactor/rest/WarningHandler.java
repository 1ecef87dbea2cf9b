package io.kreactor.rest;

/**
 * Receives the API server's {@code Warning} response headers (deprecated APIs, unknown fields), the way
 * client-go's {@code rest.WarningHandler} does. Called on the event loop: implementations must not block.
 */
@FunctionalInterface
public interface WarningHandler {

    /**
     * Handles one warning.
     *
     * @param code  the warn-code (299 for Kubernetes warnings)
     * @param agent the warn-agent, often {@code -}
     * @param text  the warning text
     */
    void handle(int code, String agent, String text);

    /** Logs each distinct warning text once, at WARN level (the default, as client-go's deduplicating logger). */
    static WarningHandler logOnce() {
        return new LoggingWarningHandler();
    }

    /** Ignores warnings. */
    static WarningHandler ignore() {
        return (code, agent, text) -> { };
    }
}
