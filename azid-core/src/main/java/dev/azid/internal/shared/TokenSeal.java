package dev.azid.internal.shared;

import dev.azid.AccessToken;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns an access token into the bytes a shared store keeps, and back. With an application key:
 * {@code AZIDST1S}, a fresh 12-byte IV and the AES-256-GCM ciphertext of a small JSON document,
 * with the store key as associated data, so an entry moved to another key does not open. Without
 * one (allowed explicitly): {@code AZIDST1P} and the JSON. A sealing reader refuses clear entries,
 * so nobody who can write to the store can plant a token unless clear text was chosen.
 *
 * <p>Store keys are derived here too: an HMAC-SHA256 of what the token is for, under a key
 * derived from the application key (a fixed one without it), as 64 hexadecimal characters. The
 * encryption key and the naming key are derived separately from the application key.
 *
 * <p>Thread-safe. A few {@link Cipher} and {@link Mac} instances are kept for reuse (each used by one
 * thread at a time): a shared-cache hit then does no provider look-up and no AES key expansion.
 */
final class TokenSeal {

    private static final byte[] SEALED = "AZIDST1S".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLEAR = "AZIDST1P".getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    // More threads than this at once make a new instance each, dropped afterwards.
    private static final int POOLED = 8;

    private final SecretKeySpec aes;
    private final SecretKeySpec names;
    private final ArrayBlockingQueue<Cipher> ciphers = new ArrayBlockingQueue<>(POOLED);
    private final ArrayBlockingQueue<Mac> namers = new ArrayBlockingQueue<>(POOLED);

    /**
     * Creates it.
     *
     * @param applicationKey the application's 32-byte key, or {@code null} to store clear text
     */
    TokenSeal(byte[] applicationKey) {
        byte[] root = applicationKey != null ? applicationKey : "azid shared token names, no key".getBytes(StandardCharsets.US_ASCII);
        this.names = new SecretKeySpec(hmac(new SecretKeySpec(root, "HmacSHA256"), "azid shared token names"), "HmacSHA256");
        this.aes = applicationKey == null ? null
                : new SecretKeySpec(hmac(new SecretKeySpec(root, "HmacSHA256"), "azid shared token encryption"), "AES");
    }

    /** @return whether tokens are encrypted */
    boolean encrypts() {
        return aes != null;
    }

    /**
     * The store key for a canonical description of what a token is for.
     *
     * @param canonical the description (holds fingerprints, never secrets)
     * @return 64 hexadecimal characters
     */
    String name(String canonical) {
        Mac mac = namers.poll();
        try {
            if (mac == null) {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(names);
            }
            // doFinal leaves the instance initialised with the same key, ready for the next name.
            String name = HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
            namers.offer(mac);
            return name;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /**
     * Seals a token.
     *
     * @param name its store key
     * @param token the token
     * @return the bytes to store
     */
    byte[] seal(String name, AccessToken token) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("v", 1);
        doc.put("token", token.token());
        doc.put("expiresAt", token.expiresAt().toEpochMilli());
        doc.put("refreshAt", token.refreshAt().toEpochMilli());
        doc.put("tokenType", token.tokenType());
        byte[] plain = JsonObject.write(doc).getBytes(StandardCharsets.UTF_8);
        if (aes == null) {
            return ByteBuffer.allocate(CLEAR.length + plain.length).put(CLEAR).put(plain).array();
        }
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, iv, 0, name);
            byte[] sealed = c.doFinal(plain);
            ciphers.offer(c);
            return ByteBuffer.allocate(SEALED.length + IV_BYTES + sealed.length).put(SEALED).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a stored value.
     *
     * @param name its store key
     * @param value the stored bytes
     * @return the token
     * @throws GeneralSecurityException if it is not a token sealed with this key under this name
     */
    AccessToken open(String name, byte[] value) throws GeneralSecurityException {
        byte[] plain;
        if (aes != null && startsWith(value, SEALED) && value.length > SEALED.length + IV_BYTES) {
            Cipher c = cipher(Cipher.DECRYPT_MODE, value, SEALED.length, name);
            // Only a cipher whose doFinal completed goes back; one that threw (a bad tag) is dropped.
            plain = c.doFinal(value, SEALED.length + IV_BYTES, value.length - SEALED.length - IV_BYTES);
            ciphers.offer(c);
        } else if (aes == null && startsWith(value, CLEAR)) {
            plain = Arrays.copyOfRange(value, CLEAR.length, value.length);
        } else {
            throw new GeneralSecurityException(aes != null ? "not sealed with this key" : "not a clear-text entry");
        }
        try {
            JsonObject doc = JsonObject.parse(plain);
            return new AccessToken(doc.string("token").orElseThrow(() -> new GeneralSecurityException("no token")),
                    Instant.ofEpochMilli(doc.integer("expiresAt").orElseThrow(() -> new GeneralSecurityException("no expiry"))),
                    Instant.ofEpochMilli(doc.integer("refreshAt").orElseThrow(() -> new GeneralSecurityException("no refresh"))),
                    doc.string("tokenType").orElse(null));
        } catch (JsonFormatException | IllegalArgumentException | java.time.DateTimeException e) {
            throw new GeneralSecurityException("not a shared token document", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** A pooled (or new) AES-GCM cipher, initialised with the IV at {@code iv[offset..offset+12)} and the name as associated data. */
    private Cipher cipher(int mode, byte[] iv, int offset, String name) throws GeneralSecurityException {
        Cipher c = ciphers.poll();
        if (c == null) {
            c = Cipher.getInstance("AES/GCM/NoPadding");
        }
        c.init(mode, aes, new GCMParameterSpec(TAG_BITS, iv, offset, IV_BYTES));
        c.updateAAD(SEALED);
        c.updateAAD(name.getBytes(StandardCharsets.US_ASCII));
        return c;
    }

    private static boolean startsWith(byte[] value, byte[] prefix) {
        return value.length >= prefix.length && Arrays.equals(value, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] hmac(SecretKeySpec key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
