package dev.azid.internal.oauth2;

import dev.azid.internal.cert.ClientCertificate;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Proves the client's identity with a JWT signed by its certificate's key (RFC 7523 client
 * assertion). A new assertion is made for every token request: each has its own {@code jti}, so a
 * server that refuses replays accepts it, and it lives 10 minutes.
 */
public final class CertificateAuthentication extends JwtClientAuthentication {

    /** Lifetime of an assertion, as MSAL uses. */
    static final long LIFETIME_SECONDS = 600;

    private final String clientId;
    private final Supplier<ClientCertificate> certificate;
    private final boolean pss;
    private final boolean sendChain;
    private final Clock clock;

    /**
     * Creates it.
     *
     * @param clientId the client id ({@code iss} and {@code sub})
     * @param certificate loads the certificate (lazily, once)
     * @param fingerprint identifies the certificate source without reading it
     * @param pss sign with PS256 instead of RS256
     * @param sendChain put the chain in the {@code x5c} header (subject-name/issuer authentication)
     * @param clock stamps {@code nbf}, {@code iat}, {@code exp}
     */
    public CertificateAuthentication(String clientId, Supplier<ClientCertificate> certificate, String fingerprint,
            boolean pss, boolean sendChain, Clock clock) {
        super(fingerprint);
        this.clientId = clientId;
        this.certificate = certificate;
        this.pss = pss;
        this.sendChain = sendChain;
        this.clock = clock;
    }

    /**
     * Builds a signed assertion for a token endpoint.
     *
     * @param tokenEndpoint the audience
     * @return the JWT
     */
    @Override
    String assertion(URI tokenEndpoint) {
        ClientCertificate cert = certificate.get();
        boolean adfs = tokenEndpoint.getPath().toLowerCase(java.util.Locale.ROOT).startsWith("/adfs/");
        Map<String, Object> header = new LinkedHashMap<>();
        // AD FS does not support PSS nor the SHA-256 thumbprint: it needs RS256 with x5t (SHA-1).
        header.put("alg", pss && !adfs ? "PS256" : "RS256");
        header.put("typ", "JWT");
        if (adfs) {
            header.put("x5t", JwtSigner.base64Url(digest("SHA-1", ClientCertificate.der(cert.leaf()))));
        } else {
            header.put("x5t#S256", JwtSigner.base64Url(digest("SHA-256", ClientCertificate.der(cert.leaf()))));
        }
        if (sendChain) {
            List<String> x5c = new ArrayList<>();
            for (X509Certificate c : cert.chain()) {
                x5c.add(Base64.getEncoder().encodeToString(ClientCertificate.der(c)));
            }
            header.put("x5c", x5c);
        }
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("aud", tokenEndpoint.toString());
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("nbf", now.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + LIFETIME_SECONDS);
        return JwtSigner.sign(header, claims, cert.privateKey());
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has " + algorithm, e);
        }
    }

    @Override
    public String method() {
        return "certificate";
    }

    @Override
    public String toString() {
        return "CertificateAuthentication[" + (pss ? "PS256" : "RS256") + ", sendChain=" + sendChain + "]";
    }
}
