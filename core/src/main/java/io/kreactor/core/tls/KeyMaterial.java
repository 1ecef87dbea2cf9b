package io.kreactor.core.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A client certificate chain with its private key, for TLS client authentication.
 *
 * @param privateKey the private key (RSA or EC)
 * @param chain      the certificate chain, leaf first, never empty
 */
public record KeyMaterial(PrivateKey privateKey, List<X509Certificate> chain) {

    /** Copies the chain and checks it is not empty. */
    public KeyMaterial {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(Objects.requireNonNull(chain, "chain"));
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("certificate chain must not be empty");
        }
    }

    /** Names the certificate's subject; never the key. */
    @Override
    public String toString() {
        return "KeyMaterial[subject=" + chain.get(0).getSubjectX500Principal().getName() + ", key=<redacted>]";
    }
}
