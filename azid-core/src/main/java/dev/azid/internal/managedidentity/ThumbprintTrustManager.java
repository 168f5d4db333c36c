package dev.azid.internal.managedidentity;

import dev.azid.internal.http.ServerTrust;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * Trusts exactly one server certificate: the leaf whose SHA-1 (40 hex digits) or SHA-256 (64 hex
 * digits) thumbprint was given, compared in constant time. Service Fabric's identity endpoint uses
 * a self-signed certificate published this way. It replaces the default trust manager, so no host
 * name check is made: the pin is stronger.
 */
final class ThumbprintTrustManager extends ServerTrust {

    private final byte[] expected;
    private final String algorithm;

    ThumbprintTrustManager(String thumbprint) {
        String hex = thumbprint.trim().toLowerCase(Locale.ROOT).replace(":", "");
        if (!hex.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new IllegalArgumentException("IDENTITY_SERVER_THUMBPRINT must be 40 (SHA-1) or 64 (SHA-256) hex digits");
        }
        this.expected = HexFormat.of().parseHex(hex);
        this.algorithm = hex.length() == 40 ? "SHA-1" : "SHA-256";
    }

    /** @return a TLS context that trusts only the pinned certificate */
    SSLContext sslContext() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {this}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the pinned TLS context", e);
        }
    }

    @Override
    protected void checkServer(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        try {
            byte[] actual = MessageDigest.getInstance(algorithm).digest(chain[0].getEncoded());
            if (!MessageDigest.isEqual(expected, actual)) {
                throw new CertificateException("the server certificate's thumbprint does not match IDENTITY_SERVER_THUMBPRINT");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }
}
