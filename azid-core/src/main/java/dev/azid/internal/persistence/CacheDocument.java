package dev.azid.internal.persistence;

import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.persistence.PersistentSessions.Entry;
import dev.azid.internal.persistence.PersistentSessions.StoredToken;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content of a persistent token cache: the users' sessions and the applications' access tokens,
 * in one JSON document that is AES-256-GCM encrypted (fresh 12-byte IV per write) when a key is
 * configured. Both kinds live in one document so that user and application credentials may share a
 * cache file without overwriting each other. A document that cannot be decrypted or parsed is read
 * as empty, with a warning, never thrown.
 *
 * @param entries the users' sessions
 * @param appTokens applications' access tokens, by {@link PersistedAppTokens}' opaque key
 */
record CacheDocument(List<Entry> entries, Map<String, StoredToken> appTokens) {

    private static final Logger LOG = LoggerFactory.getLogger(CacheDocument.class);
    private static final byte[] MAGIC = "AZIDENC1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Copies. */
    CacheDocument {
        entries = List.copyOf(entries);
        appTokens = Map.copyOf(appTokens);
    }

    /** Never shows a token. */
    @Override
    public String toString() {
        return "CacheDocument[entries=" + entries.size() + ", appTokens=" + appTokens.size() + "]";
    }

    /**
     * Reads a document.
     *
     * @param bytes the stored bytes, possibly empty
     * @param key the AES-256 key, or {@code null} for clear text
     * @return the document; empty when there is none or it is unreadable
     */
    static CacheDocument decode(byte[] bytes, byte[] key) {
        if (bytes.length == 0) {
            return new CacheDocument(List.of(), Map.of());
        }
        try {
            JsonObject doc = JsonObject.parse(key == null ? bytes : decrypt(bytes, key));
            List<Entry> out = new ArrayList<>();
            for (Object o : doc.array("entries")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new Entry(str(m, "clientId"), str(m, "homeAccountId"), str(m, "authority"),
                        m.get("tenantId") instanceof String t ? t : null, m.get("username") instanceof String u ? u : null,
                        str(m, "refreshToken"), tokens(m.get("accessTokens"))));
            }
            return new CacheDocument(out, tokens(doc.object("appTokens").map(JsonObject::asMap).orElse(null)));
        } catch (JsonFormatException | GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            LOG.warn("The persistent token cache is corrupt, truncated or was written with another key ({}); it is "
                    + "ignored and will be overwritten. Users sign in again.", e.getClass().getSimpleName());
            return new CacheDocument(List.of(), Map.of());
        }
    }

    /**
     * Writes this document.
     *
     * @param key the AES-256 key, or {@code null} for clear text
     * @return the bytes to store
     */
    byte[] encode(byte[] key) {
        List<Object> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clientId", e.clientId());
            m.put("homeAccountId", e.homeAccountId());
            m.put("authority", e.authority());
            m.put("tenantId", e.tenantId());
            m.put("username", e.username());
            m.put("refreshToken", e.refreshToken());
            m.put("accessTokens", write(e.accessTokens()));
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("entries", list);
        doc.put("appTokens", write(appTokens));
        byte[] plain = JsonObject.write(doc).getBytes(StandardCharsets.UTF_8);
        try {
            return key == null ? plain : encrypt(plain, key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the token cache", e);
        }
    }

    private static Map<String, Object> write(Map<String, StoredToken> tokens) {
        Map<String, Object> out = new LinkedHashMap<>();
        tokens.forEach((k, t) -> out.put(k, Map.of("token", t.token(), "expiresOn", t.expiresOn(),
                "refreshOn", t.refreshOn())));
        return out;
    }

    private static byte[] encrypt(byte[] plain, byte[] key) throws GeneralSecurityException {
        byte[] iv = new byte[12];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(MAGIC);
        byte[] ct = c.doFinal(plain);
        byte[] out = new byte[MAGIC.length + iv.length + ct.length];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        System.arraycopy(iv, 0, out, MAGIC.length, iv.length);
        System.arraycopy(ct, 0, out, MAGIC.length + iv.length, ct.length);
        return out;
    }

    private static byte[] decrypt(byte[] data, byte[] key) throws GeneralSecurityException {
        if (data.length < MAGIC.length + 12 + 16 || !Arrays.equals(Arrays.copyOf(data, MAGIC.length), MAGIC)) {
            throw new GeneralSecurityException("not an azid encrypted cache");
        }
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Arrays.copyOfRange(data, MAGIC.length, MAGIC.length + 12)));
        c.updateAAD(MAGIC);
        return c.doFinal(data, MAGIC.length + 12, data.length - MAGIC.length - 12);
    }

    private static Map<String, StoredToken> tokens(Object value) {
        Map<String, StoredToken> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> t = (Map<String, Object>) e.getValue();
                out.put((String) e.getKey(), new StoredToken(str(t, "token"), num(t, "expiresOn"), num(t, "refreshOn")));
            }
        }
        return out;
    }

    private static long num(Map<String, Object> m, String k) {
        if (!(m.get(k) instanceof Number n)) {
            throw new IllegalArgumentException("token field " + k + " is missing");
        }
        return n.longValue();
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("entry field " + k + " is missing");
        }
        return s;
    }
}
