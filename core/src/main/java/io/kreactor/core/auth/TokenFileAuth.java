package io.kreactor.core.auth;

import io.kreactor.core.errors.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A bearer token read from a file and read again once per period, as client-go's cached file token source
 * does for {@code tokenFile} and the in-cluster service-account token (which the kubelet rotates).
 *
 * <p>Reads run on the bounded-elastic scheduler. When a re-read fails but a token was read before, the previous
 * token stays in use (as client-go) and the read is retried after the next period.
 */
final class TokenFileAuth implements AuthProvider {

    private static final Logger log = LoggerFactory.getLogger(TokenFileAuth.class);

    private final Path file;
    private final Duration period;
    private final Clock clock;
    private final CredentialCache<Token> cache;

    private record Token(String value, Instant readAt) {
    }

    TokenFileAuth(Path file, Duration period, Clock clock) {
        this.file = file;
        this.period = period;
        this.clock = clock;
        this.cache = new CredentialCache<>(
                Mono.fromCallable(this::read).subscribeOn(Schedulers.boundedElastic()),
                token -> !clock.instant().isBefore(token.readAt().plus(period)));
    }

    @Override
    public Mono<String> authorization() {
        return cache.get().map(token -> "Bearer " + token.value());
    }

    /** Re-reads the file at once; emits true when it now holds a different token worth retrying with. */
    @Override
    public Mono<Boolean> refreshAfterUnauthorized() {
        return Mono.defer(() -> {
            Token before = cache.last();
            cache.invalidate();
            return cache.get().map(after -> before == null || !after.value().equals(before.value()));
        });
    }

    private Token read() {
        Token previous = cache.last();
        try {
            String value = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new ConfigException("token file " + file + " is empty");
            }
            return new Token(value, clock.instant());
        } catch (IOException | ConfigException e) {
            ConfigException failure = e instanceof ConfigException c ? c
                    : e instanceof NoSuchFileException ? new ConfigException("token file " + file + " does not exist")
                    : new ConfigException("cannot read token file " + file + ": " + e.getMessage(), e);
            if (previous == null) {
                throw failure;
            }
            log.warn("Keeping the previous token: {}", failure.getMessage());
            return new Token(previous.value(), clock.instant());
        }
    }

    @Override
    public String toString() {
        return "TokenFile[" + file + ", rereadEvery=" + period + ", token=<redacted>]";
    }
}
