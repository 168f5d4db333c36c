package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Application;
import dev.azid.emulator.EmulatorConfig.FederatedCredential;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Verifies certificate client assertions (RFC 7523) as Entra ID does: the signing certificate is
 * found by {@code x5t#S256} or {@code x5t} among the app's registered certificates (either base64
 * alphabet, padded or not), the RS256 or PS256 signature must verify, {@code aud} must be this
 * token endpoint, {@code iss} and {@code sub} the client id, the time window valid (5 minutes of
 * skew). Entra ID does not refuse a reused {@code jti}: MSAL for Python reuses one client assertion for
 * up to nine minutes by design, so neither does the emulator. Refusals carry Entra's codes: 700023 for a
 * wrong audience, 700021 for a wrong {@code iss}/{@code sub}, 700024 outside the time window, 700027 for
 * a signature or key that does not verify; a federated token that matches no federated credential is
 * 700211 (issuer), 700213 (subject) or 700212 (audience), as Entra answers today.
 */
final class AssertionVerifier {

    private static final long SKEW_SECONDS = 300;

    private final Clock clock;
    private final Tokens tokens;

    AssertionVerifier(Clock clock, Tokens tokens) {
        this.clock = clock;
        this.tokens = tokens;
    }

    void verify(String jwt, Application app, List<String> tokenUrls) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw invalid(50027, "JWT token is invalid or malformed.");
        }
        Map<String, Object> header;
        Map<String, Object> claims;
        try {
            header = Json.parseObject(new String(b64(parts[0]), StandardCharsets.UTF_8));
            claims = Json.parseObject(new String(b64(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw invalid(50027, "JWT token is invalid or malformed.");
        }
        if (header.get("x5t#S256") == null && header.get("x5t") == null) {
            federated(jwt, claims, app);
            return;
        }
        X509Certificate cert = find(app, header);
        checkSignature(parts, header, cert);
        if (!tokenUrls.contains(String.valueOf(claims.get("aud")))) {
            throw new Problem(401, "invalid_client", 700023, "Client assertion audience claim does not match Realm issuer. "
                    + "Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.");
        }
        if (!app.clientId().equals(claims.get("iss")) || !app.clientId().equals(claims.get("sub"))) {
            throw new Problem(401, "invalid_client", 700021, "Client assertion application identifier doesn't match "
                    + "'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials.");
        }
        long now = clock.instant().getEpochSecond();
        long exp = number(claims.get("exp"));
        long nbf = claims.containsKey("nbf") ? number(claims.get("nbf")) : now;
        if (exp + SKEW_SECONDS < now || nbf - SKEW_SECONDS > now) {
            throw new Problem(401, "invalid_client", 700024, "Client assertion is not within its valid time range. "
                    + "Current time: " + java.time.Instant.ofEpochSecond(now) + ", assertion valid from "
                    + java.time.Instant.ofEpochSecond(nbf) + ", expiry time of assertion " + java.time.Instant.ofEpochSecond(exp) + ".");
        }
    }

    /** A token from an external issuer (workload identity, CI): trusted when a federated credential matches. */
    private void federated(String jwt, Map<String, Object> claims, Application app) {
        Object aud = claims.get("aud");
        List<?> audiences = aud instanceof List<?> l ? l : List.of(String.valueOf(aud));
        // Entra names the first claim no credential matches: issuer, then subject, then audience (case-sensitive).
        List<FederatedCredential> byIssuer = app.federatedCredentials().stream()
                .filter(f -> f.issuer().equals(claims.get("iss"))).toList();
        if (byIssuer.isEmpty()) {
            throw noRecord(700211, "issuer '" + claims.get("iss") + "'");
        }
        List<FederatedCredential> bySubject = byIssuer.stream().filter(f -> f.subject().equals(claims.get("sub"))).toList();
        if (bySubject.isEmpty()) {
            throw noRecord(700213, "subject '" + claims.get("sub") + "'");
        }
        if (bySubject.stream().noneMatch(f -> audiences.stream().anyMatch(a -> f.audiences().contains(a)))) {
            throw noRecord(700212, "audience '" + aud + "'");
        }
        if (tokens.verify(jwt) == null) {
            throw new Problem(401, "invalid_client", 700027, "Client assertion failed signature validation: the "
                    + "federated token is not signed by its issuer's key.");
        }
        long now = clock.instant().getEpochSecond();
        if (number(claims.get("exp")) + SKEW_SECONDS < now) {
            throw new Problem(401, "invalid_client", 700024, "Client assertion is not within its valid time range.");
        }
    }

    private static Problem noRecord(long code, String what) {
        return new Problem(401, "invalid_client", code, "No matching federated identity record found for presented "
                + "assertion " + what + ". Check your federated identity credential Subject, Audience and Issuer against "
                + "the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation");
    }

    private X509Certificate find(Application app, Map<String, Object> header) {
        Object s256 = header.get("x5t#S256");
        Object s1 = header.get("x5t");
        for (String pem : app.certificates()) {
            X509Certificate cert = parse(pem);
            if (s256 != null && matches(s256.toString(), cert, "SHA-256") || s1 != null && matches(s1.toString(), cert, "SHA-1")) {
                return cert;
            }
        }
        throw new Problem(401, "invalid_client", 700027, "The certificate with identifier used to sign the client "
                + "assertion is not registered on application. [Reason - The key was not found.]");
    }

    private static void checkSignature(String[] parts, Map<String, Object> header, X509Certificate cert) {
        try {
            Signature sig;
            if ("PS256".equals(header.get("alg"))) {
                sig = Signature.getInstance("RSASSA-PSS");
                sig.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else if ("RS256".equals(header.get("alg"))) {
                sig = Signature.getInstance("SHA256withRSA");
            } else {
                throw new Problem(401, "invalid_client", 700027, "Client assertion failed signature validation. "
                        + "[Reason - The algorithm is not supported.]");
            }
            sig.initVerify(cert.getPublicKey());
            sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!sig.verify(b64(parts[2]))) {
                throw new Problem(401, "invalid_client", 700027, "Client assertion failed signature validation.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Problem(401, "invalid_client", 700027, "Client assertion failed signature validation.");
        }
    }

    private static boolean matches(String thumbprint, X509Certificate cert, String alg) {
        try {
            byte[] expected = MessageDigest.getInstance(alg).digest(cert.getEncoded());
            return MessageDigest.isEqual(expected, b64(thumbprint));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Decodes base64 in either alphabet, with or without padding. */
    private static byte[] b64(String s) {
        String t = s.replace('+', '-').replace('/', '_').replace("=", "");
        return Base64.getUrlDecoder().decode(t);
    }

    private static X509Certificate parse(String pem) {
        try {
            String body = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a registered certificate in the emulator config is not valid PEM", e);
        }
    }

    private static long number(Object v) {
        if (v instanceof Number n) {
            return n.longValue();
        }
        throw new Problem(401, "invalid_client", 50027, "JWT token is invalid or malformed: exp and nbf must be numbers.");
    }

    private static Problem invalid(long code, String text) {
        return new Problem(401, "invalid_client", code, text);
    }
}
