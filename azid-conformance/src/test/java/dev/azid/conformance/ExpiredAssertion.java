package dev.azid.conformance;

import dev.azid.test.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;

/** Signs a client assertion whose validity window is in the past, to see the emulator refuse it. */
final class ExpiredAssertion {

    private ExpiredAssertion() {
    }

    static String sign(TestCertificates certs, String clientId, String audience, Instant issued) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String x5t = b64.encodeToString(MessageDigest.getInstance("SHA-256").digest(certs.leaf.getEncoded()));
            long iat = issued.getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5t#S256\":\"" + x5t + "\"}";
            String claims = "{\"aud\":\"" + audience + "\",\"iss\":\"" + clientId + "\",\"sub\":\"" + clientId
                    + "\",\"jti\":\"" + java.util.UUID.randomUUID() + "\",\"nbf\":" + iat + ",\"exp\":" + (iat + 600) + "}";
            String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(certs.keys.getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(s.sign());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
