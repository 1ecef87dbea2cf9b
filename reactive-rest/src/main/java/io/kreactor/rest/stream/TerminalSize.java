package io.kreactor.rest.stream;

/**
 * The size of a remote terminal, sent on the resize channel (4) as {@code {"Width":..,"Height":..}} when an exec
 * or attach runs with a TTY.
 *
 * @param width  columns
 * @param height rows
 */
public record TerminalSize(int width, int height) {

    /** Validates that both are positive and fit the 16-bit fields the kubelet uses. */
    public TerminalSize {
        if (width <= 0 || height <= 0 || width > 65535 || height > 65535) {
            throw new IllegalArgumentException("terminal size must be between 1x1 and 65535x65535, got " + width + "x" + height);
        }
    }

    String toJson() {
        return "{\"Width\":" + width + ",\"Height\":" + height + "}";
    }
}
