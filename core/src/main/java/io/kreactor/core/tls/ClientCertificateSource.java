package io.kreactor.core.tls;

import reactor.core.publisher.Mono;

/**
 * Where the client certificate and key come from: fixed data, or files that are reloaded when they change
 * on disk (certificate rotation without a restart).
 *
 * <p>The transport asks for {@link #current()} before each connection-level use and rebuilds its TLS
 * context when the returned instance is not the one it built with; implementations must therefore return
 * the <em>same instance</em> while the material is unchanged.
 */
public interface ClientCertificateSource {

    /**
     * The current key material. File-backed sources check the files (off the event loop, on a
     * bounded-elastic scheduler) at most once per their check interval and reload them when changed.
     * Fails with a {@link io.kreactor.core.errors.ConfigException} naming the file when it cannot be read or
     * the key does not match the certificate.
     */
    Mono<KeyMaterial> current();

    /** A source that always returns {@code material}. */
    static ClientCertificateSource of(KeyMaterial material) {
        Mono<KeyMaterial> fixed = Mono.just(material);
        return new ClientCertificateSource() {
            @Override
            public Mono<KeyMaterial> current() {
                return fixed;
            }

            @Override
            public String toString() {
                return "ClientCertificateSource.of(" + material + ")";
            }
        };
    }
}
