package io.kreactor.core.tls;

import io.kreactor.core.errors.ConfigException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys with the JDK alone, accepting what kubeconfig files carry:
 * certificate chains ({@code CERTIFICATE} blocks), PKCS#8 keys ({@code PRIVATE KEY}), PKCS#1 RSA keys
 * ({@code RSA PRIVATE KEY}) and SEC1 EC keys ({@code EC PRIVATE KEY}).
 *
 * <p>Like Go's {@code crypto/tls}, which client-go uses, blocks of other types (for example the
 * {@code EC PARAMETERS} block OpenSSL writes before an EC key) are skipped. Encrypted keys are rejected: a
 * kubeconfig has no way to supply a passphrase. Every error names the {@code origin} given by the caller (a
 * file path or a kubeconfig field) and never shows key material.
 */
public final class Pem {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

    private static final String RSA_OID = "1.2.840.113549.1.1.1";
    private static final String EC_OID = "1.2.840.10045.2.1";

    private Pem() {
    }

    /**
     * Every {@code CERTIFICATE} block in {@code pem}, in order (a chain is leaf first).
     *
     * @param origin names the source in error messages, e.g. {@code clusters[name=prod].cluster.certificate-authority (/etc/ca.pem)}
     * @throws ConfigException when there is no certificate or one cannot be parsed
     */
    public static List<X509Certificate> certificates(byte[] pem, String origin) {
        List<X509Certificate> out = new ArrayList<>();
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK offers no X.509 certificate factory", e);
        }
        int index = 0;
        for (Block block : blocks(pem)) {
            if (!block.type().equals("CERTIFICATE")) {
                continue;
            }
            try {
                out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der(origin))));
            } catch (CertificateException e) {
                throw new ConfigException("cannot parse certificate #" + (index + 1) + " in " + origin + ": " + e.getMessage(), e);
            }
            index++;
        }
        if (out.isEmpty()) {
            throw new ConfigException("no PEM certificate (-----BEGIN CERTIFICATE-----) found in " + origin);
        }
        return List.copyOf(out);
    }

    /**
     * The first private key in {@code pem}: PKCS#8, PKCS#1 RSA or SEC1 EC.
     *
     * @throws ConfigException naming {@code origin} when there is no key, the key is encrypted, or it cannot be
     *                         parsed; the message never contains key material
     */
    public static PrivateKey privateKey(byte[] pem, String origin) {
        for (Block block : blocks(pem)) {
            String type = block.type();
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            if (type.equals("ENCRYPTED PRIVATE KEY") || block.headers().contains("ENCRYPTED")) {
                throw new ConfigException("the private key in " + origin + " is encrypted; kubeconfig keys must be"
                        + " unencrypted (decrypt it with 'openssl pkey -in <file> -out <file>')");
            }
            byte[] der = block.der(origin);
            try {
                return switch (type) {
                    case "PRIVATE KEY" -> pkcs8(der, origin);
                    case "RSA PRIVATE KEY" -> keyFactory("RSA", Der.sequence(Der.zero(),
                            Der.sequence(Der.oid(RSA_OID), Der.tlv(Der.NULL, new byte[0])),
                            Der.tlv(Der.OCTET_STRING, der)));
                    case "EC PRIVATE KEY" -> keyFactory("EC", sec1ToPkcs8(der, origin));
                    default -> throw new ConfigException("unsupported private key type '" + type + "' in " + origin
                            + " (expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)");
                };
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new ConfigException("cannot parse the " + type + " in " + origin + ": " + describe(e), e);
            }
        }
        throw new ConfigException("no PEM private key (-----BEGIN ... PRIVATE KEY-----) found in " + origin);
    }

    private static PrivateKey pkcs8(byte[] der, String origin) throws GeneralSecurityException {
        Der.Reader info = new Der.Reader(der).next(Der.SEQUENCE, "PrivateKeyInfo").children();
        info.next(Der.INTEGER, "version");
        Der.Reader algorithm = info.next(Der.SEQUENCE, "AlgorithmIdentifier").children();
        String oid = Der.oidToString(algorithm.next(Der.OID, "algorithm OID").content());
        return switch (oid) {
            case RSA_OID -> keyFactory("RSA", der);
            case EC_OID -> keyFactory("EC", der);
            default -> throw new ConfigException("unsupported private key algorithm " + oid + " in " + origin
                    + " (expected RSA or EC)");
        };
    }

    /**
     * Wraps an RFC 5915 {@code ECPrivateKey} into a PKCS#8 {@code PrivateKeyInfo}; the curve comes from the key's
     * own {@code [0] parameters} field, which OpenSSL and Go always write.
     */
    private static byte[] sec1ToPkcs8(byte[] der, String origin) {
        Der.Reader key = new Der.Reader(der).next(Der.SEQUENCE, "ECPrivateKey").children();
        key.next(Der.INTEGER, "version");
        key.next(Der.OCTET_STRING, "privateKey");
        byte[] curve = null;
        while (key.hasNext()) {
            Der.Element e = key.next();
            if (e.tag() == Der.CONTEXT_0) {
                curve = e.children().next(Der.OID, "named curve").encoded();
            }
        }
        if (curve == null) {
            throw new ConfigException("the EC PRIVATE KEY in " + origin + " does not name its curve;"
                    + " convert it to PKCS#8 with 'openssl pkcs8 -topk8 -nocrypt'");
        }
        return Der.sequence(Der.zero(), Der.sequence(Der.oid(EC_OID), curve), Der.tlv(Der.OCTET_STRING, der));
    }

    private static PrivateKey keyFactory(String algorithm, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static List<Block> blocks(byte[] pem) {
        String text = new String(pem, StandardCharsets.US_ASCII);
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            StringBuilder headers = new StringBuilder();
            StringBuilder base64 = new StringBuilder();
            for (String line : body.split("\r?\n")) {
                if (line.contains(":")) {
                    headers.append(line).append('\n');
                } else {
                    base64.append(line.strip());
                }
            }
            out.add(new Block(m.group(1), headers.toString(), base64.toString()));
        }
        return out;
    }

    private record Block(String type, String headers, String base64) {
        byte[] der(String origin) {
            try {
                return Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("the " + type + " PEM block in " + origin + " is not valid base64");
            }
        }
    }
}
