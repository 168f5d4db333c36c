package dev.azid.internal.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SHA-256 fingerprints of credential material, so cache keys can tell credentials apart without holding secrets. */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * Fingerprints a value.
     *
     * @param value the value
     * @return base64url SHA-256, without padding
     */
    public static String sha256(String value) {
        return sha256(value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Fingerprints bytes.
     *
     * @param value the bytes
     * @return base64url SHA-256, without padding
     */
    public static String sha256(byte[] value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
