package io.kreactor.core.tls;

import static io.kreactor.core.support.TestPki.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kreactor.core.errors.ConfigException;
import io.kreactor.core.support.TestPki;
import io.kreactor.core.support.TestPki.Identity;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemTest {

    private static final Identity RSA = TestPki.rsa("rsa-user");
    private static final Identity EC = TestPki.ec("ec-user");

    @Test
    void readsACertificateChainInOrder() {
        List<X509Certificate> chain = Pem.certificates(bytes(RSA.certificatePem() + EC.certificatePem()), "chain.pem");

        assertThat(chain).containsExactly(RSA.certificate(), EC.certificate());
    }

    @Test
    void readsPkcs1RsaKeyByWrappingItIntoPkcs8() {
        String pem = RSA.traditionalPem();
        assertThat(pem).contains("BEGIN RSA PRIVATE KEY");

        PrivateKey key = Pem.privateKey(bytes(pem), "key.pem");

        assertThat(key.getAlgorithm()).isEqualTo("RSA");
        assertThat(key.getEncoded()).isEqualTo(RSA.privateKey().getEncoded());
    }

    @Test
    void readsPkcs8RsaKey() {
        String pem = RSA.pkcs8Pem();
        assertThat(pem).contains("BEGIN PRIVATE KEY");

        assertThat(Pem.privateKey(bytes(pem), "key.pem").getEncoded()).isEqualTo(RSA.privateKey().getEncoded());
    }

    @Test
    void readsSec1EcKeyWithTheCurveFromTheKey() {
        String pem = EC.traditionalPem();
        assertThat(pem).contains("BEGIN EC PRIVATE KEY");

        PrivateKey key = Pem.privateKey(bytes(pem), "key.pem");

        assertThat(key.getAlgorithm()).isEqualTo("EC");
        KeyMaterials.checkMatch(EC.certificate(), key, "cert", "key");
    }

    @Test
    void rejectsSec1EcKeyThatDoesNotNameItsCurve() {
        String pem = EC.sec1WithoutCurvePem();
        assertThat(pem).contains("BEGIN EC PRIVATE KEY");

        assertThatThrownBy(() -> Pem.privateKey(bytes(pem), "ec.pem"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the EC PRIVATE KEY in ec.pem does not name its curve");
    }

    @Test
    void readsPkcs8EcKey() {
        PrivateKey key = Pem.privateKey(bytes(EC.pkcs8Pem()), "key.pem");

        assertThat(key.getAlgorithm()).isEqualTo("EC");
        KeyMaterials.checkMatch(EC.certificate(), key, "cert", "key");
    }

    @Test
    void skipsTheEcParametersBlockOpensslWritesBeforeTheKey() {
        String params = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n";

        PrivateKey key = Pem.privateKey(bytes(params + EC.traditionalPem()), "key.pem");

        assertThat(key.getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void rejectsEncryptedPkcs8KeyNamingTheOrigin() {
        assertThatThrownBy(() -> Pem.privateKey(bytes(RSA.encryptedPkcs8Pem()), "users[name=a].user.client-key (/k.pem)"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("users[name=a].user.client-key (/k.pem)")
                .hasMessageContaining("is encrypted");
    }

    @Test
    void rejectsEncryptedTraditionalKey() {
        String pem = EC.encryptedTraditionalPem();
        assertThat(pem).contains("Proc-Type: 4,ENCRYPTED");

        assertThatThrownBy(() -> Pem.privateKey(bytes(pem), "/k.pem"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("/k.pem is encrypted");
    }

    @Test
    void reportsMissingKeyAndMissingCertificate() {
        assertThatThrownBy(() -> Pem.privateKey(bytes(RSA.certificatePem()), "cert-instead-of-key.pem"))
                .hasMessageContaining("no PEM private key")
                .hasMessageContaining("cert-instead-of-key.pem");
        assertThatThrownBy(() -> Pem.certificates(bytes("hello"), "ca.pem"))
                .hasMessageContaining("no PEM certificate")
                .hasMessageContaining("ca.pem");
    }

    @Test
    void reportsCorruptKeyWithoutShowingIt() {
        String body = Base64.getEncoder().encodeToString("not a key at all, just some bytes".getBytes());
        String pem = "-----BEGIN RSA PRIVATE KEY-----\n" + body + "\n-----END RSA PRIVATE KEY-----\n";

        assertThatThrownBy(() -> Pem.privateKey(bytes(pem), "key.pem"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot parse the RSA PRIVATE KEY in key.pem")
                .hasMessageNotContaining(body);
    }

    @Test
    void reportsCorruptCertificate() {
        String pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";

        assertThatThrownBy(() -> Pem.certificates(bytes(pem), "ca.pem"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cannot parse certificate #1 in ca.pem");
    }

    @Test
    void keyMaterialRejectsAKeyOfAnotherCertificateNamingBothOrigins() {
        Identity other = TestPki.rsa("other");

        assertThatThrownBy(() -> KeyMaterials.fromPem(bytes(RSA.certificatePem()), bytes(other.pkcs8Pem()),
                "client-certificate (/c.pem)", "client-key (/k.pem)"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("client key (client-key (/k.pem)) does not match the client certificate"
                        + " (client-certificate (/c.pem), subject CN=rsa-user)");
    }

    @Test
    void keyMaterialRejectsAnEcKeyForAnRsaCertificate() {
        assertThatThrownBy(() -> KeyMaterials.fromPem(bytes(RSA.certificatePem()), bytes(EC.pkcs8Pem()), "c", "k"))
                .hasMessageContaining("the certificate holds an RSA public key but the key is EC");
    }

    @Test
    void keyMaterialToStringNamesTheSubjectButNotTheKey() {
        KeyMaterial material = KeyMaterials.fromPem(bytes(EC.certificatePem()), bytes(EC.traditionalPem()), "c", "k");

        assertThat(material.toString()).contains("CN=ec-user").contains("<redacted>")
                .doesNotContain(Base64.getEncoder().encodeToString(EC.privateKey().getEncoded()).substring(0, 20));
        assertThat(material.chain()).containsExactly(EC.certificate());
    }
}
