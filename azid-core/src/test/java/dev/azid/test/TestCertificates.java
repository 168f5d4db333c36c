package dev.azid.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Generates test certificates and writes them in every format a client certificate comes in. */
public final class TestCertificates {

    /** BouncyCastle as a provider instance, never registered globally. */
    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    public final KeyPair caKeys;
    public final X509Certificate ca;
    public final KeyPair keys;
    public final X509Certificate leaf;

    private TestCertificates(KeyPair caKeys, X509Certificate ca, KeyPair keys, X509Certificate leaf) {
        this.caKeys = caKeys;
        this.ca = ca;
        this.keys = keys;
        this.leaf = leaf;
    }

    /** A CA and a leaf valid from an hour ago for the given time. */
    public static TestCertificates create(Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair caKeys = gen.generateKeyPair();
            X509Certificate ca = sign(new X500Name("CN=azid test CA"), caKeys, new X500Name("CN=azid test CA"),
                    caKeys.getPrivate(), notBefore, notAfter, true);
            KeyPair keys = gen.generateKeyPair();
            X509Certificate leaf = sign(new X500Name("CN=azid test client"), keys, new X500Name("CN=azid test CA"),
                    caKeys.getPrivate(), notBefore, notAfter, false);
            return new TestCertificates(caKeys, ca, keys, leaf);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static TestCertificates valid() {
        Instant now = Instant.now();
        return create(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, PrivateKey issuerKey,
            Instant notBefore, Instant notAfter, boolean isCa) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuer,
                    BigInteger.valueOf(System.nanoTime()), Date.from(notBefore), Date.from(notAfter), subject,
                    subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public String certificatePem() {
        return pem(leaf);
    }

    public String chainPem() {
        return pem(leaf) + pem(ca);
    }

    /** PKCS#8 "PRIVATE KEY". */
    public String pkcs8Pem() {
        try {
            return pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** PKCS#1 "RSA PRIVATE KEY". */
    public String pkcs1Pem() {
        return pem(keys.getPrivate());
    }

    /** Encrypted PKCS#8 (PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC): what OpenSSL 3 writes. */
    public String encryptedPkcs8Pem(String password) {
        try {
            JceOpenSSLPKCS8EncryptorBuilder enc = new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC);
            enc.setPRF(PKCS8Generator.PRF_HMACSHA256);
            enc.setProvider(BC);
            enc.setPassword(password.toCharArray());
            return pem(new JcaPKCS8Generator(keys.getPrivate(), enc.build()).generate());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** OpenSSL's traditional encrypted PKCS#1 (Proc-Type/DEK-Info). */
    public String legacyEncryptedPkcs1Pem(String password, String algorithm) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(keys.getPrivate(), new JcePEMEncryptorBuilder(algorithm).setProvider(BC).build(password.toCharArray()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return w.toString();
    }

    /** A PKCS#12 file with the key, leaf and CA. */
    public byte[] pfx(String password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("client", keys.getPrivate(), password.toCharArray(), new Certificate[] {leaf, ca});
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password.toCharArray());
            return out.toByteArray();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** This CA's certificate, PEM. */
    public String caPem() {
        return pem(ca);
    }

    /**
     * A TLS server's new key and its certificate from this CA.
     *
     * @param keys the key pair
     * @param certificate the certificate
     */
    public record ServerLeaf(KeyPair keys, X509Certificate certificate) {
    }

    /**
     * Issues a TLS server certificate of this CA for a new RSA key, valid from an hour ago for a day.
     *
     * @param commonName the subject's CN
     * @param names the subject alternative names (DNS names or IP addresses)
     * @return the key and the certificate
     */
    public ServerLeaf serverLeaf(String commonName, GeneralName... names) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            KeyPair serverKeys = gen.generateKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name("CN=azid test CA"),
                    BigInteger.valueOf(System.nanoTime()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=" + commonName), serverKeys.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            X509Certificate server = new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKeys.getPrivate())));
            return new ServerLeaf(serverKeys, server);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A TLS server's key store (PKCS#12, password "changeit"): a new key and a leaf of this CA naming these DNS names. */
    public KeyStore serverKeyStore(String... dnsNames) {
        GeneralName[] names = new GeneralName[dnsNames.length];
        for (int i = 0; i < dnsNames.length; i++) {
            names[i] = new GeneralName(GeneralName.dNSName, dnsNames[i]);
        }
        ServerLeaf leaf = serverLeaf("azid test server", names);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", leaf.keys().getPrivate(), "changeit".toCharArray(), new Certificate[] {leaf.certificate(), ca});
            return ks;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static byte[] bytes(String... parts) {
        return String.join("", parts).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * PEM text for a key or certificate.
     *
     * @param o what to write
     * @return its PEM
     */
    public static String pem(Object o) {
        StringWriter w = new StringWriter();
        try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
            pw.writeObject(o);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return w.toString();
    }
}
