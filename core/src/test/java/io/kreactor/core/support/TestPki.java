package io.kreactor.core.support;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates test key pairs and certificates with BouncyCastle and writes them in every PEM encoding we read. */
public final class TestPki {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    private TestPki() {
    }

    /** A key pair with a self-signed certificate for {@code cn}. */
    public record Identity(KeyPair keyPair, X509Certificate certificate) {

        public PrivateKey privateKey() {
            return keyPair.getPrivate();
        }

        public String certificatePem() {
            return pem(certificate);
        }

        /** PKCS#8 {@code PRIVATE KEY}. */
        public String pkcs8Pem() {
            try {
                return pem(new JcaPKCS8Generator(keyPair.getPrivate(), null));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The traditional OpenSSL encoding: PKCS#1 {@code RSA PRIVATE KEY}, or SEC1 {@code EC PRIVATE KEY} with the
         * named curve and public key as OpenSSL and Go write it.
         */
        public String traditionalPem() {
            if (!(keyPair.getPrivate() instanceof java.security.interfaces.ECPrivateKey ecKey)) {
                return pem(keyPair.getPrivate());
            }
            try {
                SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keyPair.getPublic().getEncoded());
                ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(spki.getAlgorithm().getParameters());
                var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ecKey.getS(), spki.getPublicKeyData(), curve);
                return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** SEC1 {@code EC PRIVATE KEY} without the optional curve parameters (what BouncyCastle writes for JDK keys). */
        public String sec1WithoutCurvePem() {
            return pem(keyPair.getPrivate());
        }

        /** PKCS#8 encrypted with a password ({@code ENCRYPTED PRIVATE KEY}). */
        public String encryptedPkcs8Pem() {
            try {
                var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                        .setProvider(BC).setPassword("secret".toCharArray()).build();
                return pem(new JcaPKCS8Generator(keyPair.getPrivate(), encryptor));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Traditional encoding encrypted with a password ({@code Proc-Type: 4,ENCRYPTED}). */
        public String encryptedTraditionalPem() {
            try {
                var encryptor = new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(BC).build("secret".toCharArray());
                StringWriter out = new StringWriter();
                try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                    writer.writeObject(new JcaMiscPEMGenerator(keyPair.getPrivate(), encryptor));
                }
                return out.toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public static Identity rsa(String cn) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Identity(pair, selfSigned(pair, cn, "SHA256withRSA"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Identity ec(String cn) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            return new Identity(pair, selfSigned(pair, cn, "SHA256withECDSA"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String cn, String algorithm) throws Exception {
        X500Name name = new X500Name("CN=" + cn);
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                BigInteger.valueOf(new SecureRandom().nextInt(Integer.MAX_VALUE)), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(Duration.ofDays(1))), name, pair.getPublic());
        ContentSigner signer = new JcaContentSignerBuilder(algorithm).build(pair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    public static String pem(Object object) {
        try {
            StringWriter out = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
                writer.writeObject(object);
            }
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
