package dev.azid.internal.cert;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Loads an RSA client certificate from PEM (certificate plus a PKCS#8, PKCS#1, encrypted PKCS#8 or
 * OpenSSL-encrypted PKCS#1 key) or PKCS#12 bytes, with the JDK only.
 *
 * <p>Failures are {@link CertificateLoadException}s whose messages say what is wrong without any
 * key material or password.
 */
public final class CertificateLoader {

    private CertificateLoader() {
    }

    /**
     * Loads PEM or PKCS#12, telling them apart by content.
     *
     * @param data the file content
     * @param password the password, or {@code null}
     * @return the certificate
     * @throws CertificateLoadException if the content is not a usable RSA certificate with key
     */
    public static ClientCertificate load(byte[] data, char[] password) {
        String head = new String(data, 0, Math.min(data.length, 4096), java.nio.charset.StandardCharsets.US_ASCII);
        return head.contains("-----BEGIN ") ? loadPem(data, password) : loadPkcs12(data, password);
    }

    /**
     * Loads a PEM file holding the private key and its certificate (and optionally the chain).
     *
     * @param data the PEM text
     * @param password the key's password, or {@code null}
     * @return the certificate
     */
    public static ClientCertificate loadPem(byte[] data, char[] password) {
        List<PemBlock> blocks;
        try {
            blocks = PemBlock.parseAll(data);
        } catch (IllegalArgumentException e) {
            throw new CertificateLoadException("is not a valid PEM file: " + e.getMessage(), null);
        }
        PrivateKey key = null;
        List<X509Certificate> certificates = new ArrayList<>();
        for (PemBlock block : blocks) {
            switch (block.type()) {
                case "CERTIFICATE" -> certificates.add(certificate(block.der()));
                case "PRIVATE KEY" -> key = rsaKey(block.der());
                case "RSA PRIVATE KEY" -> key = rsaKey(Der.pkcs1ToPkcs8(legacyDecrypt(block, password)));
                case "ENCRYPTED PRIVATE KEY" -> key = rsaKey(decryptPkcs8(block.der(), password));
                case "EC PRIVATE KEY" -> throw new CertificateLoadException("holds an EC key; Microsoft Entra ID "
                        + "certificate credentials need an RSA key", null);
                default -> {
                    // Other blocks (parameters, requests) are not part of a client certificate.
                }
            }
        }
        if (key == null) {
            throw new CertificateLoadException("has no private key (expected a PRIVATE KEY, RSA PRIVATE KEY or "
                    + "ENCRYPTED PRIVATE KEY block next to the CERTIFICATE)", null);
        }
        if (certificates.isEmpty()) {
            throw new CertificateLoadException("has a private key but no CERTIFICATE block", null);
        }
        return withLeafFirst(key, certificates);
    }

    /**
     * Loads a PKCS#12 (PFX) file; the first entry with a private key is used.
     *
     * @param data the file content
     * @param password the password, or {@code null} for none
     * @return the certificate
     */
    public static ClientCertificate loadPkcs12(byte[] data, char[] password) {
        char[] pw = password == null ? new char[0] : password;
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(data), pw);
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                Key key = store.getKey(alias, pw);
                if (key instanceof PrivateKey pk && key instanceof RSAKey) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return withLeafFirst(pk, chain);
                }
                if (key instanceof PrivateKey) {
                    throw new CertificateLoadException("holds a " + key.getAlgorithm() + " key; Microsoft Entra ID "
                            + "certificate credentials need an RSA key", null);
                }
            }
            throw new CertificateLoadException("is a PKCS#12 file without a private key entry", null);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new CertificateLoadException("could not be opened: the password is wrong or missing", null);
            }
            throw new CertificateLoadException("is neither PEM nor a readable PKCS#12 (PFX) file", null);
        } catch (GeneralSecurityException e) {
            throw new CertificateLoadException("could not be read as PKCS#12: " + e.getClass().getSimpleName(), null);
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new CertificateLoadException("has a CERTIFICATE block that is not a valid X.509 certificate", null);
        }
    }

    private static PrivateKey rsaKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new CertificateLoadException("has a private key that is not a valid RSA key", null);
        }
    }

    private static byte[] legacyDecrypt(PemBlock block, char[] password) {
        String dekInfo = block.headers().get("DEK-Info");
        if (dekInfo == null) {
            return block.der();
        }
        if (password == null || password.length == 0) {
            throw new CertificateLoadException("has an encrypted private key but no password was given", null);
        }
        try {
            return LegacyPemDecryption.decrypt(dekInfo, block.der(), password);
        } catch (GeneralSecurityException e) {
            throw new CertificateLoadException("has an encrypted private key that could not be decrypted: the "
                    + "password is wrong or the encryption is not supported", null);
        }
    }

    private static byte[] decryptPkcs8(byte[] der, char[] password) {
        if (password == null || password.length == 0) {
            throw new CertificateLoadException("has an encrypted private key but no password was given", null);
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            // For PBES2 the JDK names the real scheme in the parameters (e.g. PBEWithHmacSHA256AndAES_256).
            String algorithm = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
            SecretKeyFactory factory = SecretKeyFactory.getInstance(algorithm);
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE, factory.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (IOException | GeneralSecurityException e) {
            throw new CertificateLoadException("has an encrypted private key that could not be decrypted: the "
                    + "password is wrong or the encryption is not supported", null);
        }
    }

    /** Puts the certificate whose public key matches the private key first. */
    private static ClientCertificate withLeafFirst(PrivateKey key, List<X509Certificate> certificates) {
        if (!(key instanceof RSAKey rsaKey)) {
            throw new CertificateLoadException("holds a " + key.getAlgorithm() + " key; an RSA key is needed", null);
        }
        for (X509Certificate c : certificates) {
            if (c.getPublicKey() instanceof RSAKey pub && pub.getModulus().equals(rsaKey.getModulus())) {
                List<X509Certificate> chain = new ArrayList<>();
                chain.add(c);
                for (X509Certificate other : certificates) {
                    if (other != c) {
                        chain.add(other);
                    }
                }
                return new ClientCertificate(key, chain);
            }
        }
        throw new CertificateLoadException("has a private key that matches none of its certificates", null);
    }
}
