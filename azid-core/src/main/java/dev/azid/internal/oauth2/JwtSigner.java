package dev.azid.internal.oauth2;

import dev.azid.internal.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.Map;

/** Signs compact JWS tokens with RS256 or PS256. */
public final class JwtSigner {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtSigner() {
    }

    /**
     * Builds and signs a JWT.
     *
     * @param header the header fields; {@code alg} must be {@code RS256} or {@code PS256}
     * @param claims the payload claims
     * @param key the RSA private key
     * @return the compact token
     */
    public static String sign(Map<String, ?> header, Map<String, ?> claims, PrivateKey key) {
        String signingInput = B64URL.encodeToString(JsonObject.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(JsonObject.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature;
            if ("PS256".equals(header.get("alg"))) {
                signature = Signature.getInstance("RSASSA-PSS");
                signature.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else if ("RS256".equals(header.get("alg"))) {
                signature = Signature.getInstance("SHA256withRSA");
            } else {
                throw new IllegalArgumentException("unsupported JWT alg " + header.get("alg"));
            }
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing the client assertion failed: " + e.getClass().getSimpleName(), e);
        }
    }

    /**
     * Base64url without padding, as JOSE uses.
     *
     * @param bytes the bytes
     * @return the encoding
     */
    public static String base64Url(byte[] bytes) {
        return B64URL.encodeToString(bytes);
    }
}
