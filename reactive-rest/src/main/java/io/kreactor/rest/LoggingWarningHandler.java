package io.kreactor.rest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link WarningHandler#logOnce()}: logs each distinct warning text once, so a hot loop does not flood the log. */
final class LoggingWarningHandler implements WarningHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingWarningHandler.class);
    // Bounded so a server that embeds changing values in warnings cannot grow this set without limit.
    private static final int MAX_REMEMBERED = 1024;

    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @Override
    public void handle(int code, String agent, String text) {
        if (seen.size() >= MAX_REMEMBERED) {
            seen.clear();
        }
        if (seen.add(text)) {
            LOG.warn("Kubernetes API warning: {}", text);
        }
    }
}
