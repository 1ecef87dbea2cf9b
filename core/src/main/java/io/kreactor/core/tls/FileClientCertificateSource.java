package io.kreactor.core.tls;

import io.kreactor.core.errors.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A client certificate and key read from files and reloaded when either file's modification time changes, so a
 * rotated certificate (cert-manager, kubelet-style rotation) is picked up without a restart.
 *
 * <p>The files are looked at no more than once per check interval, on the bounded-elastic scheduler; between
 * checks, and while the files are unchanged, {@link #current()} returns the very same {@link KeyMaterial}
 * instance. The first load fails with a {@link ConfigException}; a later reload that fails (for example a
 * certificate written before its key during rotation) keeps the previous material, logs a warning and is retried
 * at the next check.
 */
final class FileClientCertificateSource implements ClientCertificateSource {

    private static final Logger log = LoggerFactory.getLogger(FileClientCertificateSource.class);

    private final Path certificateFile;
    private final Path keyFile;
    private final String certificateOrigin;
    private final String keyOrigin;
    private final Duration checkInterval;
    private final Clock clock;
    private volatile Loaded loaded;

    private record Loaded(KeyMaterial material, FileTime certificateTime, FileTime keyTime, Instant checkedAt) {
    }

    FileClientCertificateSource(Path certificateFile, Path keyFile, String certificateOrigin, String keyOrigin,
                                Duration checkInterval, Clock clock) {
        this.certificateFile = certificateFile;
        this.keyFile = keyFile;
        this.certificateOrigin = certificateOrigin;
        this.keyOrigin = keyOrigin;
        this.checkInterval = checkInterval;
        this.clock = clock;
    }

    @Override
    public Mono<KeyMaterial> current() {
        return Mono.defer(() -> {
            Loaded state = loaded;
            if (state != null && clock.instant().isBefore(state.checkedAt().plus(checkInterval))) {
                return Mono.just(state.material());
            }
            return Mono.fromCallable(this::check).subscribeOn(Schedulers.boundedElastic());
        });
    }

    /** Looks at the files now (blocking), reloading them when they changed; returns the material to use. */
    synchronized KeyMaterial check() {
        Loaded state = loaded;
        Instant now = clock.instant();
        if (state != null && now.isBefore(state.checkedAt().plus(checkInterval))) {
            return state.material();
        }
        try {
            FileTime certificateTime = modified(certificateFile, certificateOrigin);
            FileTime keyTime = modified(keyFile, keyOrigin);
            if (state != null && certificateTime.equals(state.certificateTime()) && keyTime.equals(state.keyTime())) {
                loaded = new Loaded(state.material(), certificateTime, keyTime, now);
                return state.material();
            }
            KeyMaterial material = KeyMaterials.fromPem(read(certificateFile, certificateOrigin),
                    read(keyFile, keyOrigin), certificateOrigin, keyOrigin);
            loaded = new Loaded(material, certificateTime, keyTime, now);
            return material;
        } catch (ConfigException e) {
            if (state == null) {
                throw e;
            }
            log.warn("Keeping the previous client certificate: reloading it failed: {}", e.getMessage());
            loaded = new Loaded(state.material(), state.certificateTime(), state.keyTime(), now);
            return state.material();
        }
    }

    private static FileTime modified(Path file, String origin) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(origin + ": file does not exist");
        } catch (IOException e) {
            throw new ConfigException(origin + ": cannot read file: " + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file, String origin) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(origin + ": file does not exist");
        } catch (IOException e) {
            throw new ConfigException(origin + ": cannot read file: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "ClientCertificateSource[files cert=" + certificateFile + ", key=" + keyFile
                + ", checkEvery=" + checkInterval + "]";
    }
}
