package io.kreactor.rest.stream;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of a pod log request ({@code v1.PodLogOptions}). Immutable; {@code withX} returns a copy. Unset
 * values (null, false) are not sent, so the server's defaults apply: the only container, the current instance,
 * the whole log, no timestamps, return what exists and end.
 *
 * @param container    the container whose log to read; required when the pod has more than one
 * @param follow       keep the stream open and deliver new lines as they are written
 * @param previous     read the log of the previous, terminated instance of the container
 * @param sinceSeconds only lines newer than this many seconds (exclusive with {@code sinceTime})
 * @param sinceTime    only lines at or after this time (exclusive with {@code sinceSeconds})
 * @param tailLines    only the last this many lines
 * @param timestamps   prefix every line with its RFC 3339 timestamp
 * @param limitBytes   stop after this many bytes (the last line may be cut)
 */
public record LogOptions(String container, boolean follow, boolean previous, Long sinceSeconds, Instant sinceTime,
                         Long tailLines, boolean timestamps, Long limitBytes) {

    /** The server's defaults. */
    public static final LogOptions DEFAULT = new LogOptions(null, false, false, null, null, null, false, null);

    /** Validates that numbers are positive and that at most one of sinceSeconds and sinceTime is set. */
    public LogOptions {
        if (sinceSeconds != null && sinceTime != null) {
            throw new IllegalArgumentException("at most one of sinceSeconds and sinceTime may be set");
        }
        positive("sinceSeconds", sinceSeconds, 1);
        positive("tailLines", tailLines, 0);
        positive("limitBytes", limitBytes, 1);
    }

    private static void positive(String name, Long value, long min) {
        if (value != null && value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    /** A copy reading {@code container}. */
    public LogOptions withContainer(String container) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** A copy that follows the log. */
    public LogOptions withFollow(boolean follow) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** A copy reading the previous instance. */
    public LogOptions withPrevious(boolean previous) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** A copy with {@code sinceSeconds}. */
    public LogOptions withSinceSeconds(Long sinceSeconds) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** A copy with {@code sinceTime}. */
    public LogOptions withSinceTime(Instant sinceTime) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** A copy with {@code tailLines}. */
    public LogOptions withTailLines(Long tailLines) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** A copy with timestamps on or off. */
    public LogOptions withTimestamps(boolean timestamps) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** A copy with {@code limitBytes}. */
    public LogOptions withLimitBytes(Long limitBytes) {
        return new LogOptions(container, follow, previous, sinceSeconds, sinceTime, tailLines, timestamps, limitBytes);
    }

    /** The query parameters, in a stable order. */
    public Map<String, String> toParams() {
        Map<String, String> p = new LinkedHashMap<>();
        if (container != null && !container.isEmpty()) {
            p.put("container", container);
        }
        if (follow) {
            p.put("follow", "true");
        }
        if (previous) {
            p.put("previous", "true");
        }
        if (sinceSeconds != null) {
            p.put("sinceSeconds", sinceSeconds.toString());
        }
        if (sinceTime != null) {
            p.put("sinceTime", sinceTime.toString());
        }
        if (tailLines != null) {
            p.put("tailLines", tailLines.toString());
        }
        if (timestamps) {
            p.put("timestamps", "true");
        }
        if (limitBytes != null) {
            p.put("limitBytes", limitBytes.toString());
        }
        return p;
    }
}
