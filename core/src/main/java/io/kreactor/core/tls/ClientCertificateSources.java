package io.kreactor.core.tls;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Factories for {@link ClientCertificateSource}: fixed PEM data (a kubeconfig's {@code client-certificate-data}
 * and {@code client-key-data}) or files that are reloaded when they change ({@code client-certificate} and
 * {@code client-key}).
 */
public final class ClientCertificateSources {

    /** How often file-backed sources look at their files by default. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(60);

    private ClientCertificateSources() {
    }

    /**
     * A source that always returns the chain and key parsed from {@code certificatePem} and {@code keyPem}.
     * Parsing happens now (no I/O).
     *
     * @throws io.kreactor.core.errors.ConfigException when either cannot be parsed or they do not match; the
     *                                                 message names the origins
     */
    public static ClientCertificateSource fromPem(byte[] certificatePem, byte[] keyPem, String certificateOrigin,
                                                  String keyOrigin) {
        return ClientCertificateSource.of(KeyMaterials.fromPem(certificatePem, keyPem, certificateOrigin, keyOrigin));
    }

    /**
     * A source backed by files, reloaded when their modification time changes, looked at no more than once per
     * {@code checkInterval} (on the bounded-elastic scheduler). Nothing is read until the first
     * {@link ClientCertificateSource#current()}.
     *
     * @param clock the clock that paces the checks (tests pass a controllable one)
     */
    public static ClientCertificateSource fromFiles(Path certificateFile, Path keyFile, Duration checkInterval,
                                                    Clock clock) {
        return new FileClientCertificateSource(certificateFile, keyFile, certificateFile.toString(),
                keyFile.toString(), requirePositive(checkInterval), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * Like {@link #fromFiles(Path, Path, Duration, Clock)}, but reads and checks the files right away so that a
     * missing file or mismatched key is reported at configuration time. Blocking: call it where file I/O is
     * allowed (the kubeconfig loader does, on a bounded-elastic thread or the caller's own).
     *
     * @param certificateOrigin names the certificate in errors, e.g. {@code users[name=alice].user.client-certificate (/path)}
     * @param keyOrigin         names the key in errors
     * @throws io.kreactor.core.errors.ConfigException naming the file when it cannot be read or parsed
     */
    public static ClientCertificateSource loadFiles(Path certificateFile, Path keyFile, String certificateOrigin,
                                                    String keyOrigin, Duration checkInterval, Clock clock) {
        FileClientCertificateSource source = new FileClientCertificateSource(certificateFile, keyFile,
                certificateOrigin, keyOrigin, requirePositive(checkInterval), Objects.requireNonNull(clock, "clock"));
        source.check();
        return source;
    }

    private static Duration requirePositive(Duration interval) {
        Objects.requireNonNull(interval, "checkInterval");
        if (interval.isNegative()) {
            throw new IllegalArgumentException("checkInterval must not be negative, was " + interval);
        }
        return interval;
    }
}
