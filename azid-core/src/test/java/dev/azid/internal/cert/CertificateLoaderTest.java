package dev.azid.internal.cert;

import static dev.azid.test.TestCertificates.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.test.TestCertificates;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateLoaderTest {

    private static TestCertificates certs;
    private static final String PASSWORD = "p@ss-w0rd";

    @BeforeAll
    static void generate() {
        certs = TestCertificates.valid();
    }

    private static void assertLoaded(ClientCertificate c) {
        assertThat(c.leaf()).isEqualTo(certs.leaf);
        assertThat(((RSAPrivateCrtKey) c.privateKey()).getModulus())
                .isEqualTo(((RSAPrivateCrtKey) certs.keys.getPrivate()).getModulus());
        assertThat(c.toString()).contains("azid test client");
    }

    @Test
    void load_pemWithPkcs8Key_loads() {
        assertLoaded(CertificateLoader.load(bytes(certs.pkcs8Pem(), certs.certificatePem()), null));
    }

    @Test
    void load_pemWithPkcs1Key_loads() {
        assertLoaded(CertificateLoader.load(bytes(certs.certificatePem(), certs.pkcs1Pem()), null));
    }

    @Test
    void load_pemWithEncryptedPkcs8Key_loadsWithPassword() {
        assertLoaded(CertificateLoader.load(bytes(certs.encryptedPkcs8Pem(PASSWORD), certs.certificatePem()),
                PASSWORD.toCharArray()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES-128-CBC", "AES-256-CBC", "DES-EDE3-CBC"})
    void load_pemWithLegacyEncryptedPkcs1Key_loadsWithPassword(String algorithm) {
        assertLoaded(CertificateLoader.load(bytes(certs.legacyEncryptedPkcs1Pem(PASSWORD, algorithm),
                certs.certificatePem()), PASSWORD.toCharArray()));
    }

    @Test
    void load_pfxWithPassword_loadsLeafFirstWithChain() {
        ClientCertificate c = CertificateLoader.load(certs.pfx(PASSWORD), PASSWORD.toCharArray());
        assertLoaded(c);
        assertThat(c.chain()).containsExactly(certs.leaf, certs.ca);
    }

    @Test
    void load_pemListingCaFirst_putsLeafFirst() {
        ClientCertificate c = CertificateLoader.load(bytes("Bag Attributes\n", certs.pkcs8Pem(),
                "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder().encodeToString(
                        ClientCertificate.der(certs.ca)) + "\n-----END CERTIFICATE-----\n", certs.certificatePem()), null);
        assertThat(c.chain()).containsExactly(certs.leaf, certs.ca);
    }

    @Test
    void load_pfxWrongPassword_saysPasswordWithoutEchoingIt() {
        assertThatThrownBy(() -> CertificateLoader.load(certs.pfx(PASSWORD), "wrong-guess".toCharArray()))
                .isInstanceOf(CertificateLoadException.class).hasMessageContaining("password is wrong")
                .hasMessageNotContaining("wrong-guess").hasNoCause();
    }

    @Test
    void load_encryptedPemWrongOrMissingPassword_saysPassword() {
        byte[] pem = bytes(certs.encryptedPkcs8Pem(PASSWORD), certs.certificatePem());
        assertThatThrownBy(() -> CertificateLoader.load(pem, "nope".toCharArray()))
                .hasMessageContaining("password is wrong");
        assertThatThrownBy(() -> CertificateLoader.load(pem, null)).hasMessageContaining("no password was given");
        byte[] legacy = bytes(certs.legacyEncryptedPkcs1Pem(PASSWORD, "AES-256-CBC"), certs.certificatePem());
        assertThatThrownBy(() -> CertificateLoader.load(legacy, "nope".toCharArray()))
                .hasMessageContaining("password is wrong");
    }

    @Test
    void load_certificateWithoutKey_saysNoPrivateKey() {
        assertThatThrownBy(() -> CertificateLoader.load(bytes(certs.certificatePem()), null))
                .hasMessageContaining("has no private key");
    }

    @Test
    void load_keyWithoutCertificate_saysNoCertificate() {
        assertThatThrownBy(() -> CertificateLoader.load(bytes(certs.pkcs8Pem()), null))
                .hasMessageContaining("no CERTIFICATE block");
    }

    @Test
    void load_keyOfAnotherCertificate_saysMismatch() {
        TestCertificates other = TestCertificates.valid();
        assertThatThrownBy(() -> CertificateLoader.load(bytes(other.pkcs8Pem(), certs.certificatePem()), null))
                .hasMessageContaining("matches none of its certificates");
    }

    @Test
    void load_ecKey_saysRsaNeeded() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        String pem = "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n";
        assertThatThrownBy(() -> CertificateLoader.load(bytes(pem, certs.certificatePem()), null))
                .hasMessageContaining("RSA key");
    }

    @Test
    void load_garbage_saysNeitherPemNorPkcs12() {
        assertThatThrownBy(() -> CertificateLoader.load("hello, world".getBytes(), null))
                .isInstanceOf(CertificateLoadException.class).hasMessageContaining("neither PEM nor");
        assertThatThrownBy(() -> CertificateLoader.load(bytes("-----BEGIN CERTIFICATE-----\n@@@\n-----END CERTIFICATE-----"), null))
                .isInstanceOf(CertificateLoadException.class).hasMessageContaining("not a valid X.509 certificate");
        assertThatThrownBy(() -> CertificateLoader.load(bytes("-----BEGIN PRIVATE KEY-----\nAAAA"), null))
                .isInstanceOf(CertificateLoadException.class).hasMessageContaining("no END line");
    }

    @Test
    void load_randomAndTruncatedInput_throwsOnlyCertificateLoadException() {
        byte[] pfx = certs.pfx(PASSWORD);
        byte[] pem = bytes(certs.pkcs8Pem(), certs.certificatePem());
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] junk = new byte[random.nextInt(2000)];
            random.nextBytes(junk);
            expectOnlyLoadException(junk);
        }
        for (int cut = 0; cut < pem.length; cut += 37) {
            expectOnlyLoadException(java.util.Arrays.copyOf(pem, cut));
        }
        for (int cut = 0; cut < pfx.length; cut += 53) {
            expectOnlyLoadException(java.util.Arrays.copyOf(pfx, cut));
        }
    }

    private static void expectOnlyLoadException(byte[] data) {
        try {
            CertificateLoader.load(data, PASSWORD.toCharArray());
        } catch (CertificateLoadException e) {
            assertThat(e.getMessage()).doesNotContain(PASSWORD);
        }
    }
}
