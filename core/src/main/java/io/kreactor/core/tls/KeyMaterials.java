package io.kreactor.core.tls;

import io.kreactor.core.errors.ConfigException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Builds {@link KeyMaterial} from PEM text and checks that the private key belongs to the certificate, as Go's
 * {@code tls.X509KeyPair} does for client-go, so a mismatch is reported when the configuration is loaded rather
 * than as an opaque handshake failure.
 */
public final class KeyMaterials {

    private static final byte[] PROBE = "kreactor key pair check".getBytes(StandardCharsets.US_ASCII);

    private KeyMaterials() {
    }

    /**
     * Parses a certificate chain and its private key.
     *
     * @param certificatePem PEM with one or more {@code CERTIFICATE} blocks, leaf first
     * @param keyPem         PEM with the private key (PKCS#8, PKCS#1 RSA or SEC1 EC)
     * @param certificateOrigin names the certificate's source in errors (a file or kubeconfig field)
     * @param keyOrigin      names the key's source in errors
     * @throws ConfigException when either cannot be parsed or the key does not match the leaf certificate
     */
    public static KeyMaterial fromPem(byte[] certificatePem, byte[] keyPem, String certificateOrigin, String keyOrigin) {
        List<X509Certificate> chain = Pem.certificates(certificatePem, certificateOrigin);
        PrivateKey key = Pem.privateKey(keyPem, keyOrigin);
        checkMatch(chain.get(0), key, certificateOrigin, keyOrigin);
        return new KeyMaterial(key, chain);
    }

    /**
     * Fails unless {@code key} is the private half of {@code certificate}'s public key, proven by signing a probe
     * with the key and verifying it with the certificate.
     *
     * @throws ConfigException naming both origins on a mismatch
     */
    public static void checkMatch(X509Certificate certificate, PrivateKey key, String certificateOrigin, String keyOrigin) {
        PublicKey publicKey = certificate.getPublicKey();
        String mismatch = "the client key (" + keyOrigin + ") does not match the client certificate ("
                + certificateOrigin + ", subject " + certificate.getSubjectX500Principal().getName() + ")";
        if (!publicKey.getAlgorithm().equals(key.getAlgorithm())) {
            throw new ConfigException(mismatch + ": the certificate holds an " + publicKey.getAlgorithm()
                    + " public key but the key is " + key.getAlgorithm());
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new ConfigException("unsupported client key algorithm " + key.getAlgorithm() + " in " + keyOrigin);
        };
        boolean matches;
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(PROBE);
            matches = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            matches = false;
        }
        if (!matches) {
            throw new ConfigException(mismatch);
        }
    }
}
