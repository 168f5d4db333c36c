package dev.azid.emulator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The emulator's keys, made fresh at every start: a CA, a TLS server certificate for 127.0.0.1 and
 * localhost signed by it, and the token-signing key with its certificate. BouncyCastle builds the
 * certificates because the JDK has no public certificate builder.
 */
public final class Pki {

    /** The trust store password (a test fixture, not a secret). */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private final KeyPair caKeys;
    private final X509Certificate ca;
    private final KeyPair serverKeys;
    private final X509Certificate server;
    private final KeyPair signingKeys;
    private final X509Certificate signing;
    private final KeyPair fabricKeys;
    private final X509Certificate fabric;

    /**
     * Certificates are dated by the machine's real clock, never by the emulator's configurable one:
     * TLS peers check their validity against the real time.
     */
    private final Clock wall = Clock.systemUTC();

    private Pki() throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048);
        Instant now = wall.instant();
        caKeys = gen.generateKeyPair();
        ca = certificate("CN=azid emulator CA", caKeys, "CN=azid emulator CA", caKeys, now, true, false);
        serverKeys = gen.generateKeyPair();
        server = certificate("CN=localhost", serverKeys, "CN=azid emulator CA", caKeys, now, false, true);
        signingKeys = gen.generateKeyPair();
        signing = certificate("CN=azid emulator token signing", signingKeys, "CN=azid emulator CA", caKeys, now, false, false);
        // Service Fabric's identity endpoint presents a self-signed certificate trusted by thumbprint only.
        fabricKeys = gen.generateKeyPair();
        fabric = certificate("CN=azid emulator service fabric", fabricKeys, "CN=azid emulator service fabric", fabricKeys,
                now, false, true);
    }

    /**
     * Makes new keys and certificates.
     *
     * @return the PKI
     */
    public static Pki generate() {
        try {
            return new Pki();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the emulator's keys", e);
        }
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            Instant now, boolean isCa, boolean tlsServer) {
        return certificate(subject, subjectKeys, issuer, issuerKeys, now, isCa, !tlsServer ? null : new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())});
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            Instant now, boolean isCa, GeneralName[] subjectAltNames) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(365))), new X500Name(subject), subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            if (subjectAltNames != null) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(subjectAltNames));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKeys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the certificate " + subject, e);
        }
    }

    /** @return the CA certificate */
    public X509Certificate ca() {
        return ca;
    }

    /** @return the token-signing key pair */
    public KeyPair signingKeys() {
        return signingKeys;
    }

    /** @return the token-signing certificate */
    public X509Certificate signingCertificate() {
        return signing;
    }

    /** @return the Service Fabric endpoint's self-signed certificate */
    public X509Certificate fabricCertificate() {
        return fabric;
    }

    /** @return the SHA-1 thumbprint of the Service Fabric certificate, in hex */
    public String fabricThumbprint() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(fabric.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the TLS context of the Service Fabric listener */
    public SSLContext fabricContext() {
        return context(fabricKeys, new Certificate[] {fabric});
    }

    /**
     * Issues a TLS server certificate for one host name (its only subject alternative name), signed by the CA,
     * for the server key: what transparent mode presents for a real host.
     *
     * @param host the DNS name
     * @return the chain, leaf first
     */
    public X509Certificate[] serverChainFor(String host) {
        return new X509Certificate[] {certificate("CN=" + host, serverKeys, "CN=azid emulator CA", caKeys, wall.instant(),
                false, new GeneralName[] {new GeneralName(GeneralName.dNSName, host)}), ca};
    }

    /** @return the private key of every TLS server certificate the CA issued */
    public PrivateKey serverKey() {
        return serverKeys.getPrivate();
    }

    /** @return the TLS server context */
    public SSLContext serverContext() {
        return context(serverKeys, new Certificate[] {server, ca});
    }

    private static SSLContext context(KeyPair keys, Certificate[] chain) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] pw = TRUST_STORE_PASSWORD.toCharArray();
            ks.setKeyEntry("server", keys.getPrivate(), pw, chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS server context", e);
        }
    }

    /** @return a client context that trusts only the CA */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trustStore());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the TLS client context", e);
        }
    }

    private KeyStore trustStore() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("azid-emulator-ca", ca);
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the trust store", e);
        }
    }

    /**
     * Writes {@code ca.pem} and {@code truststore.p12} into a directory.
     *
     * @param dir the directory
     */
    public void export(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("ca.pem"), pem(ca), StandardCharsets.US_ASCII);
            try (OutputStream out = Files.newOutputStream(dir.resolve("truststore.p12"))) {
                trustStore().store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the CA into " + dir, e);
        }
    }

    /**
     * PEM encoding of a certificate.
     *
     * @param cert the certificate
     * @return the PEM text
     */
    public static String pem(X509Certificate cert) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
