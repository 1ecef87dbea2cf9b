package io.kreactor.core.tls;

import static io.kreactor.core.support.TestPki.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.support.MutableClock;
import io.kreactor.core.support.TestPki;
import io.kreactor.core.support.TestPki.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

class ClientCertificateSourcesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Identity FIRST = TestPki.rsa("first");
    private static final Identity SECOND = TestPki.ec("second");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));

    private Path cert;
    private Path key;

    private void write(Identity identity, long mtimeSeconds) throws IOException {
        cert = dir.resolve("client.crt");
        key = dir.resolve("client.key");
        Files.writeString(cert, identity.certificatePem());
        Files.writeString(key, identity.traditionalPem());
        Files.setLastModifiedTime(cert, FileTime.from(Instant.ofEpochSecond(mtimeSeconds)));
        Files.setLastModifiedTime(key, FileTime.from(Instant.ofEpochSecond(mtimeSeconds)));
    }

    private KeyMaterial current(ClientCertificateSource source) {
        KeyMaterial[] out = new KeyMaterial[1];
        StepVerifier.create(source.current()).consumeNextWith(m -> out[0] = m).expectComplete().verify(WAIT);
        return out[0];
    }

    @Test
    void dataSourceAlwaysReturnsTheSameMaterial() {
        ClientCertificateSource source = ClientCertificateSources.fromPem(bytes(FIRST.certificatePem()),
                bytes(FIRST.pkcs8Pem()), "cert-data", "key-data");

        KeyMaterial material = current(source);

        assertThat(material.chain()).containsExactly(FIRST.certificate());
        assertThat(current(source)).isSameAs(material);
    }

    @Test
    void fileSourceReturnsTheSameInstanceWhileTheFilesAreUnchanged() throws IOException {
        write(FIRST, 1000);
        ClientCertificateSource source = ClientCertificateSources.fromFiles(cert, key, Duration.ofSeconds(30), clock);

        KeyMaterial material = current(source);
        clock.advance(Duration.ofMinutes(5));

        assertThat(material.chain()).containsExactly(FIRST.certificate());
        assertThat(current(source)).isSameAs(material);
    }

    @Test
    void fileSourceReloadsRotatedFilesAfterTheCheckInterval() throws IOException {
        write(FIRST, 1000);
        ClientCertificateSource source = ClientCertificateSources.fromFiles(cert, key, Duration.ofSeconds(30), clock);
        KeyMaterial before = current(source);

        write(SECOND, 2000);
        clock.advance(Duration.ofSeconds(10));
        assertThat(current(source)).as("not looked at before the interval").isSameAs(before);

        clock.advance(Duration.ofSeconds(20));
        KeyMaterial after = current(source);

        assertThat(after.chain()).containsExactly(SECOND.certificate());
        assertThat(after.privateKey().getAlgorithm()).isEqualTo("EC");
        assertThat(current(source)).isSameAs(after);
    }

    @Test
    void fileSourceKeepsThePreviousMaterialWhenAReloadIsHalfWritten() throws IOException {
        write(FIRST, 1000);
        ClientCertificateSource source = ClientCertificateSources.fromFiles(cert, key, Duration.ofSeconds(30), clock);
        KeyMaterial before = current(source);

        Files.writeString(cert, SECOND.certificatePem());
        Files.setLastModifiedTime(cert, FileTime.from(Instant.ofEpochSecond(2000)));
        clock.advance(Duration.ofSeconds(31));
        assertThat(current(source)).isSameAs(before);

        Files.writeString(key, SECOND.pkcs8Pem());
        Files.setLastModifiedTime(key, FileTime.from(Instant.ofEpochSecond(2000)));
        clock.advance(Duration.ofSeconds(31));
        assertThat(current(source).chain()).containsExactly(SECOND.certificate());
    }

    @Test
    void fileSourceFailsNamingTheMissingFile() {
        ClientCertificateSource source = ClientCertificateSources.fromFiles(dir.resolve("nope.crt"),
                dir.resolve("nope.key"), Duration.ofSeconds(30), clock);

        StepVerifier.create(source.current())
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOf(ConfigException.class)
                        .hasMessageContaining("nope.crt").hasMessageContaining("does not exist"))
                .verify(WAIT);
    }

    @Test
    void loadFilesReportsAMismatchAtOnceWithTheOrigins() throws IOException {
        write(FIRST, 1000);
        Files.writeString(key, SECOND.pkcs8Pem());

        assertThatThrownBy(() -> ClientCertificateSources.loadFiles(cert, key, "users[name=a].user.client-certificate",
                "users[name=a].user.client-key", Duration.ofSeconds(30), clock))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("users[name=a].user.client-key")
                .hasMessageContaining("does not match");
    }
}
