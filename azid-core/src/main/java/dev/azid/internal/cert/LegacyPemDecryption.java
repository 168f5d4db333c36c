package dev.azid.internal.cert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts OpenSSL's traditional encrypted PEM keys ({@code Proc-Type: 4,ENCRYPTED} with a
 * {@code DEK-Info} header), whose key is derived with OpenSSL's {@code EVP_BytesToKey} (MD5, one
 * iteration, salt = first 8 bytes of the IV).
 */
final class LegacyPemDecryption {

    private LegacyPemDecryption() {
    }

    /**
     * Decrypts the block's body.
     *
     * @param dekInfo the {@code DEK-Info} header, e.g. {@code AES-256-CBC,0123...}
     * @param encrypted the encrypted DER
     * @param password the password
     * @return the decrypted DER
     * @throws GeneralSecurityException if the cipher is unknown or the password wrong
     */
    static byte[] decrypt(String dekInfo, byte[] encrypted, char[] password) throws GeneralSecurityException {
        String[] parts = dekInfo.split(",", 2);
        if (parts.length != 2) {
            throw new GeneralSecurityException("malformed DEK-Info header");
        }
        String algorithm = parts[0].trim().toUpperCase(Locale.ROOT);
        byte[] iv = HexFormat.of().parseHex(parts[1].trim());
        String transformation;
        String keyAlgorithm;
        int keyLength;
        switch (algorithm) {
            case "AES-128-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlgorithm = "AES"; keyLength = 16; }
            case "AES-192-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlgorithm = "AES"; keyLength = 24; }
            case "AES-256-CBC" -> { transformation = "AES/CBC/PKCS5Padding"; keyAlgorithm = "AES"; keyLength = 32; }
            case "DES-EDE3-CBC" -> { transformation = "DESede/CBC/PKCS5Padding"; keyAlgorithm = "DESede"; keyLength = 24; }
            default -> throw new GeneralSecurityException("unsupported PEM encryption " + algorithm
                    + " (supported: AES-128/192/256-CBC, DES-EDE3-CBC)");
        }
        byte[] key = bytesToKey(new String(password).getBytes(StandardCharsets.UTF_8), iv, keyLength);
        Cipher cipher = Cipher.getInstance(transformation);
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, keyAlgorithm), new IvParameterSpec(iv));
        return cipher.doFinal(encrypted);
    }

    private static byte[] bytesToKey(byte[] password, byte[] iv, int length) throws GeneralSecurityException {
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        byte[] key = new byte[length];
        byte[] previous = new byte[0];
        int filled = 0;
        while (filled < length) {
            md5.update(previous);
            md5.update(password);
            md5.update(iv, 0, 8);
            previous = md5.digest();
            int n = Math.min(previous.length, length - filled);
            System.arraycopy(previous, 0, key, filled, n);
            filled += n;
        }
        return key;
    }
}
