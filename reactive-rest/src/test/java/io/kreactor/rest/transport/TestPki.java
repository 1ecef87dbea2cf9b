package io.kreactor.rest.transport;

import io.kreactor.core.tls.KeyMaterial;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for TLS tests, generated with BouncyCastle: a CA, server certificates and client certificates. */
final class TestPki {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

    /** A certificate authority able to issue leaf certificates. */
    record Authority(KeyPair keys, X509Certificate certificate) {

        /** A server certificate for the given DNS names and IP addresses. */
        KeyMaterial issueServer(String commonName, List<String> dnsNames, List<String> ips) {
            GeneralName[] names = new GeneralName[dnsNames.size() + ips.size()];
            int i = 0;
            for (String dns : dnsNames) {
                names[i++] = new GeneralName(GeneralName.dNSName, dns);
            }
            for (String ip : ips) {
                names[i++] = new GeneralName(GeneralName.iPAddress, ip);
            }
            return issue(commonName, new GeneralNames(names), KeyPurposeId.id_kp_serverAuth);
        }

        /** A client certificate as the API server expects one: CN is the user, O the group. */
        KeyMaterial issueClient(String user, String group) {
            return issue(user + ",O=" + group, null, KeyPurposeId.id_kp_clientAuth);
        }

        private KeyMaterial issue(String subject, GeneralNames sans, KeyPurposeId purpose) {
            try {
                KeyPair leaf = newKeyPair();
                X509v3CertificateBuilder b = builder(new X500Name(certificate.getSubjectX500Principal().getName()),
                        new X500Name("CN=" + subject), leaf);
                b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
                if (sans != null) {
                    b.addExtension(Extension.subjectAlternativeName, false, sans);
                }
                return new KeyMaterial(leaf.getPrivate(), List.of(sign(b, keys), certificate));
            } catch (Exception e) {
                throw new IllegalStateException("cannot issue certificate for " + subject, e);
            }
        }
    }

    private TestPki() {
    }

    /** A new self-signed CA named {@code name}. */
    static Authority authority(String name) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = new X500Name("CN=" + name);
            X509v3CertificateBuilder b = builder(subject, subject, keys);
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new Authority(keys, sign(b, keys));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create CA " + name, e);
        }
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.incrementAndGet()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuerKeys)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
