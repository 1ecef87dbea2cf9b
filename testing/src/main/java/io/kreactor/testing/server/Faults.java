package io.kreactor.testing.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * Fault injection for recovery tests, reached through {@link EmbeddedApiServer#faults()}: break watches the ways
 * real networks and servers do, make requests fail or slow down, and age the history so resumes and continue
 * tokens get 410. Thread-safe; every call acts at once on the running server.
 */
public final class Faults {

    private final ServerState state;
    private final ContinueTokens tokens;
    private final CopyOnWriteArrayList<Rule> rules = new CopyOnWriteArrayList<>();
    private final AtomicReference<Duration> latency = new AtomicReference<>(Duration.ZERO);

    Faults(ServerState state, ContinueTokens tokens) {
        this.state = state;
        this.tokens = tokens;
    }

    /** A pending failure: answer up to {@code remaining} matching requests with {@code status}. */
    private record Rule(AtomicInteger remaining, int status, String method, Pattern path, Duration retryAfter) {
        boolean matches(String requestMethod, String requestPath) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (path == null || path.matcher(requestPath).find());
        }
    }

    /**
     * Closes the connection of every open watch at once, as a network failure or an API server restart would.
     * Clients see the stream end with an error or abruptly, and must re-watch from their last resourceVersion.
     */
    public void dropWatches() {
        state.store.atomically(() -> {
            state.hub.watchers().forEach(Watcher::drop);
            return null;
        });
    }

    /** Ends every open watch cleanly after its queued events, as the server's watch timeout does. */
    public void endWatches() {
        state.store.atomically(() -> {
            state.hub.watchers().forEach(Watcher::end);
            return null;
        });
    }

    /**
     * Makes every open watch go silent while its connection stays open, like a half-open TCP connection: nothing
     * more is sent, not even bookmarks or the end of the stream. For testing watchdogs that detect a dead watch.
     */
    public void stallWatches() {
        state.hub.watchers().forEach(Watcher::stall);
    }

    /** Sends a BOOKMARK at the current resourceVersion to every open watch that allowed bookmarks now. */
    public int sendBookmarks() {
        int sent = 0;
        for (Watcher watcher : state.hub.watchers()) {
            if (watcher.bookmarkNow()) {
                sent++;
            }
        }
        return sent;
    }

    /**
     * Forgets the change history, as etcd compaction does: a watch from any earlier resourceVersion gets a 410
     * Expired ERROR event, an {@code Exact} list at an earlier version and every outstanding continue token a 410.
     */
    public void compactHistory() {
        state.store.compact();
    }

    /** Expires every continue token issued so far: continuing a paginated list gets 410 Expired. */
    public void expireContinueTokens() {
        tokens.expireAll();
    }

    /**
     * Answers the next {@code count} requests with HTTP {@code status} (410 Gone/Expired, 429 TooManyRequests,
     * 500 InternalError, 503 ServiceUnavailable, …) and a matching Status body.
     */
    public void failNext(int count, int status) {
        failNext(count, status, null, null);
    }

    /**
     * Like {@link #failNext(int, int)} for requests with this HTTP {@code method} (null: any) whose path contains a
     * match of the regular expression {@code pathPattern} (null: any), such as {@code "/pods"} or {@code "watch=true"}
     * (the query string is part of what is matched).
     */
    public void failNext(int count, int status, String method, String pathPattern) {
        if (count <= 0 || status < 400 || status > 599) {
            throw new IllegalArgumentException("failNext needs a positive count and a 4xx/5xx status, got count="
                    + count + " status=" + status);
        }
        rules.add(new Rule(new AtomicInteger(count), status, method,
                pathPattern == null ? null : Pattern.compile(pathPattern), Duration.ofSeconds(1)));
    }

    /** Answers the next {@code count} requests with 429 TooManyRequests and {@code Retry-After: retryAfter}. */
    public void throttleNext(int count, Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (count <= 0) {
            throw new IllegalArgumentException("throttleNext needs a positive count, got " + count);
        }
        rules.add(new Rule(new AtomicInteger(count), 429, null, null, retryAfter));
    }

    /** Delays every request by {@code delay} before handling it (watches: before the stream starts). */
    public void latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        latency.set(delay);
    }

    /** Removes all pending failures and the latency. Watches already stalled stay stalled. */
    public void clear() {
        rules.clear();
        latency.set(Duration.ZERO);
    }

    /** How many watches are open right now (not yet ended, dropped or closed as too slow). */
    public int openWatches() {
        int open = 0;
        for (Watcher watcher : state.hub.watchers()) {
            if (!watcher.isClosed()) {
                open++;
            }
        }
        return open;
    }

    Duration latency() {
        return latency.get();
    }

    /** The failure to answer this request with, consuming one use of the first matching rule; null if none. */
    ApiError nextFailure(String method, String pathAndQuery) {
        for (Rule rule : rules) {
            if (rule.matches(method, pathAndQuery) && rule.remaining().getAndDecrement() > 0) {
                if (rule.remaining().get() <= 0) {
                    rules.remove(rule);
                }
                return failure(rule);
            }
        }
        return null;
    }

    private static ApiError failure(Rule rule) {
        int retry = (int) Math.max(1, rule.retryAfter().toSeconds());
        return switch (rule.status()) {
            case 410 -> ApiError.expired("injected fault: the requested resourceVersion is too old");
            case 429 -> new ApiError(429, "TooManyRequests", "injected fault: too many requests, please try again "
                    + "later", null, null, null, null, retry);
            case 500 -> ApiError.of(500, "InternalError", "injected fault: Internal error occurred");
            case 503 -> new ApiError(503, "ServiceUnavailable", "injected fault: the server is currently unable to "
                    + "handle the request", null, null, null, null, retry);
            case 504 -> ApiError.of(504, "Timeout", "injected fault: the server was unable to return a response in "
                    + "the time allotted");
            default -> ApiError.of(rule.status(), "", "injected fault: HTTP " + rule.status());
        };
    }
}
