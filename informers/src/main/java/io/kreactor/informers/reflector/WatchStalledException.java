package io.kreactor.informers.reflector;

import java.time.Duration;

/**
 * A watch delivered nothing — no event, no bookmark — for longer than
 * {@link ReflectorConfig#watchdogTimeout()}; the connection is presumed dead (for example half-open TCP)
 * and the Reflector restarts the watch from the last resourceVersion it saw.
 */
public class WatchStalledException extends ReflectorException {

    /** Creates the exception for a watch silent for {@code silence}. */
    public WatchStalledException(Duration silence, String resourceVersion) {
        super("watch from resourceVersion '" + resourceVersion + "' delivered nothing for " + silence + "; restarting it");
    }
}
