package dev.azid.internal.cert;

import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A loaded client certificate: the RSA private key and its certificate chain, leaf first.
 *
 * @param privateKey the private key
 * @param chain the certificate whose public key matches the private key, then the rest
 */
public record ClientCertificate(PrivateKey privateKey, List<X509Certificate> chain) {

    /** Copies the chain. */
    public ClientCertificate {
        chain = List.copyOf(chain);
    }

    /** @return the leaf certificate */
    public X509Certificate leaf() {
        return chain.get(0);
    }

    /**
     * The DER encoding of a certificate of the chain.
     *
     * @param certificate the certificate
     * @return its DER bytes
     */
    public static byte[] der(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a loaded certificate cannot be encoded", e);
        }
    }

    /** Names the subject only: never key material. */
    @Override
    public String toString() {
        return "ClientCertificate[subject=" + leaf().getSubjectX500Principal().getName() + ", chain=" + chain.size() + "]";
    }
}
