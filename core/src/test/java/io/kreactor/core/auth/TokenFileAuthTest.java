package io.kreactor.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.support.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class TokenFileAuthTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private void expectHeader(AuthProvider auth, String header) {
        StepVerifier.create(auth.authorization()).expectNext(header).expectComplete().verify(WAIT);
    }

    @Test
    void sendsTheTokenFromTheFileWithoutSurroundingWhitespace() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first-token\n");

        expectHeader(AuthProviders.tokenFile(file, Duration.ofMinutes(1), clock), "Bearer first-token");
    }

    @Test
    void usesARotatedTokenOnceThePeriodHasPassed() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first-token");
        AuthProvider auth = AuthProviders.tokenFile(file, Duration.ofMinutes(1), clock);
        expectHeader(auth, "Bearer first-token");

        Files.writeString(file, "rotated-token");
        clock.advance(Duration.ofSeconds(59));
        expectHeader(auth, "Bearer first-token");

        clock.advance(Duration.ofSeconds(1));
        expectHeader(auth, "Bearer rotated-token");
    }

    @Test
    void refreshAfterUnauthorizedRereadsAtOnceAndSaysWhetherTheTokenChanged() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first-token");
        AuthProvider auth = AuthProviders.tokenFile(file, Duration.ofMinutes(1), clock);
        expectHeader(auth, "Bearer first-token");

        StepVerifier.create(auth.refreshAfterUnauthorized()).expectNext(false).expectComplete().verify(WAIT);

        Files.writeString(file, "rotated-token");
        StepVerifier.create(auth.refreshAfterUnauthorized()).expectNext(true).expectComplete().verify(WAIT);
        expectHeader(auth, "Bearer rotated-token");
    }

    @Test
    void keepsThePreviousTokenWhenTheFileDisappears() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "first-token");
        AuthProvider auth = AuthProviders.tokenFile(file, Duration.ofMinutes(1), clock);
        expectHeader(auth, "Bearer first-token");

        Files.delete(file);
        clock.advance(Duration.ofMinutes(2));

        expectHeader(auth, "Bearer first-token");
    }

    @Test
    void failsNamingTheFileWhenThereIsNoToken() throws IOException {
        AuthProvider missing = AuthProviders.tokenFile(dir.resolve("absent"), Duration.ofMinutes(1), clock);
        AuthProvider empty = AuthProviders.tokenFile(Files.writeString(dir.resolve("empty"), "\n"), Duration.ofMinutes(1), clock);

        StepVerifier.create(missing.authorization())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfigException.class)
                        .hasMessage("token file " + dir.resolve("absent") + " does not exist"))
                .verify(WAIT);
        StepVerifier.create(empty.authorization())
                .expectErrorSatisfies(e -> assertThat(e).hasMessage("token file " + dir.resolve("empty") + " is empty"))
                .verify(WAIT);
    }

    @Test
    void toStringNamesTheFileButNotTheToken() throws IOException {
        Path file = Files.writeString(dir.resolve("token"), "very-secret-token");
        AuthProvider auth = AuthProviders.tokenFile(file, Duration.ofMinutes(1), clock);
        expectHeader(auth, "Bearer very-secret-token");

        assertThat(auth.toString()).contains(file.toString()).doesNotContain("very-secret-token");
    }
}
