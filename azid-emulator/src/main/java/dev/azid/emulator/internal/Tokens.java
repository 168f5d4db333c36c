package dev.azid.emulator.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Signs and verifies the emulator's RS256 access tokens, and publishes the key as a JWKS. */
public final class Tokens {

    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private final Pki pki;
    private final String kid;

    /**
     * Creates the signer.
     *
     * @param pki holds the signing key and certificate
     */
    public Tokens(Pki pki) {
        this.pki = pki;
        try {
            this.kid = B64URL.encodeToString(MessageDigest.getInstance("SHA-1").digest(pki.signingCertificate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the key id ({@code kid}, also the {@code x5t}) */
    public String kid() {
        return kid;
    }

    /**
     * Signs a JWT.
     *
     * @param claims the payload
     * @param v1 whether to add the {@code x5t} header of v1 tokens
     * @return the compact JWS
     */
    public String sign(Map<String, Object> claims, boolean v1) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("typ", "JWT");
        header.put("alg", "RS256");
        if (v1) {
            header.put("x5t", kid);
        }
        header.put("kid", kid);
        String input = B64URL.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(pki.signingKeys().getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Verifies a token's signature and returns its claims.
     *
     * @param jwt the token
     * @return the claims, or {@code null} when the token is malformed or its signature is wrong
     */
    public Map<String, Object> verify(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            Map<String, Object> header = Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8));
            if (!"RS256".equals(header.get("alg")) || !kid.equals(header.get("kid"))) {
                return null;
            }
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(pki.signingKeys().getPublic());
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return null;
            }
            return Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the JWKS document */
    public Map<String, Object> jwks() {
        RSAPublicKey key = (RSAPublicKey) pki.signingKeys().getPublic();
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("kid", kid);
        jwk.put("x5t", kid);
        jwk.put("n", B64URL.encodeToString(unsigned(key.getModulus())));
        jwk.put("e", B64URL.encodeToString(unsigned(key.getPublicExponent())));
        try {
            jwk.put("x5c", List.of(Base64.getEncoder().encodeToString(pki.signingCertificate().getEncoded())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return Map.of("keys", List.of(jwk));
    }

    private static byte[] unsigned(BigInteger n) {
        byte[] b = n.toByteArray();
        return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
