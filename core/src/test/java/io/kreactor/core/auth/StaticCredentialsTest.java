package io.kreactor.core.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class StaticCredentialsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void bearerTokenSendsTheTokenAndHidesIt() {
        AuthProvider auth = AuthProviders.bearerToken("s3cr3t-token");

        StepVerifier.create(auth.authorization()).expectNext("Bearer s3cr3t-token").expectComplete().verify(WAIT);
        StepVerifier.create(auth.refreshAfterUnauthorized()).expectNext(false).expectComplete().verify(WAIT);
        assertThat(auth.toString()).doesNotContain("s3cr3t");
    }

    @Test
    void basicAuthEncodesUserAndPasswordAndHidesThePassword() {
        AuthProvider auth = AuthProviders.basic("alice", "pa55word");

        // base64("alice:pa55word")
        StepVerifier.create(auth.authorization()).expectNext("Basic YWxpY2U6cGE1NXdvcmQ=").expectComplete().verify(WAIT);
        assertThat(auth.toString()).contains("alice").doesNotContain("pa55word");
    }

    @Test
    void oidcSendsTheIdTokenAndHidesIt() {
        AuthProvider auth = AuthProviders.oidcIdToken("eyJ.id.token", "https://issuer.example");

        StepVerifier.create(auth.authorization()).expectNext("Bearer eyJ.id.token").expectComplete().verify(WAIT);
        assertThat(auth.toString()).contains("https://issuer.example").doesNotContain("eyJ");
    }

    @Test
    void noneSendsNoHeader() {
        StepVerifier.create(AuthProvider.none().authorization()).expectComplete().verify(WAIT);
    }
}
