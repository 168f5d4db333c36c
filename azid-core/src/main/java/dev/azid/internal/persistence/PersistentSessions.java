package dev.azid.internal.persistence;

import dev.azid.PersistentTokenStore;
import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users' refresh and access tokens kept across processes: one entry per client and account, in a JSON
 * document that is AES-256-GCM encrypted (fresh 12-byte IV per write) when a key is configured.
 * A document that cannot be decrypted or parsed is dropped with a warning, never thrown.
 */
public final class PersistentSessions {

    private static final Logger LOG = LoggerFactory.getLogger(PersistentSessions.class);
    private static final byte[] MAGIC = "AZIDENC1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * One signed-in account.
     *
     * @param clientId the public client
     * @param homeAccountId {@code uid.utid}
     * @param authority the authority host
     * @param tenantId the tenant
     * @param username the user
     * @param refreshToken the refresh token
     * @param accessTokens access tokens by tenant and scopes ({@link #tokenKey})
     */
    public record Entry(String clientId, String homeAccountId, String authority, String tenantId, String username,
            String refreshToken, Map<String, StoredToken> accessTokens) {
        /** Copies the map. */
        public Entry {
            accessTokens = Map.copyOf(accessTokens);
        }

        /** An entry without access tokens. */
        public Entry(String clientId, String homeAccountId, String authority, String tenantId, String username,
                String refreshToken) {
            this(clientId, homeAccountId, authority, tenantId, username, refreshToken, Map.of());
        }

        /**
         * Whether this is the entry of that client and account.
         *
         * @param client the public client
         * @param account the account's {@code uid.utid}
         * @return whether it is
         */
        public boolean isFor(String client, String account) {
            return clientId.equals(client) && homeAccountId.equals(account);
        }

        /** Never shows a token. */
        @Override
        public String toString() {
            return "Entry[" + username + ", " + clientId + "]";
        }
    }

    /**
     * A persisted access token.
     *
     * @param token the token
     * @param expiresOn expiry, epoch seconds
     * @param refreshOn when to renew it, epoch seconds
     */
    public record StoredToken(String token, long expiresOn, long refreshOn) {
        /** Never shows the token. */
        @Override
        public String toString() {
            return "StoredToken[expiresOn=" + expiresOn + "]";
        }
    }

    /**
     * The key of an access token in an entry.
     *
     * @param tenantId the tenant it was issued in
     * @param scopes its scopes
     * @return the key: tenant and the sorted scopes
     */
    public static String tokenKey(String tenantId, List<String> scopes) {
        return tenantId + " " + String.join(" ", new java.util.TreeSet<>(scopes));
    }

    private final PersistentTokenStore store;
    private final byte[] key;

    /**
     * Creates it.
     *
     * @param options the store and key
     */
    public PersistentSessions(TokenCachePersistenceOptions options) {
        this.store = options.store();
        this.key = options.encryptionKey();
    }

    /**
     * Finds an account's entry.
     *
     * @param clientId the public client
     * @param homeAccountId the account
     * @return the entry
     */
    public Optional<Entry> find(String clientId, String homeAccountId) {
        return decode(store.read()).stream()
                .filter(e -> e.isFor(clientId, homeAccountId)).findFirst();
    }

    /**
     * Adds or replaces an account's entry. Access tokens the stored entry has for other scopes are kept
     * unless expired at {@code now}, so that processes signed in as the same user add to one another.
     *
     * @param entry the entry
     * @param now the current time
     */
    public void save(Entry entry, Instant now) {
        store.update(current -> {
            List<Entry> entries = new ArrayList<>(decode(current));
            Map<String, StoredToken> tokens = new LinkedHashMap<>();
            entries.stream().filter(e -> e.isFor(entry.clientId(), entry.homeAccountId()))
                    .forEach(e -> tokens.putAll(e.accessTokens()));
            tokens.putAll(entry.accessTokens());
            tokens.values().removeIf(t -> t.expiresOn() <= now.getEpochSecond());
            entries.removeIf(e -> e.isFor(entry.clientId(), entry.homeAccountId()));
            entries.add(new Entry(entry.clientId(), entry.homeAccountId(), entry.authority(), entry.tenantId(),
                    entry.username(), entry.refreshToken(), tokens));
            return encode(entries);
        });
    }

    private List<Entry> decode(byte[] bytes) {
        if (bytes.length == 0) {
            return List.of();
        }
        try {
            byte[] plain = key == null ? bytes : decrypt(bytes);
            List<Entry> out = new ArrayList<>();
            for (Object o : JsonObject.parse(plain).array("entries")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) o;
                out.add(new Entry(str(m, "clientId"), str(m, "homeAccountId"), str(m, "authority"),
                        m.get("tenantId") instanceof String t ? t : null, m.get("username") instanceof String u ? u : null,
                        str(m, "refreshToken"), tokens(m.get("accessTokens"))));
            }
            return out;
        } catch (JsonFormatException | GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            LOG.warn("The persistent token cache is corrupt, truncated or was written with another key ({}); it is "
                    + "ignored and will be overwritten. Users sign in again.", e.getClass().getSimpleName());
            return List.of();
        }
    }

    private byte[] encode(List<Entry> entries) {
        List<Object> list = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clientId", e.clientId());
            m.put("homeAccountId", e.homeAccountId());
            m.put("authority", e.authority());
            m.put("tenantId", e.tenantId());
            m.put("username", e.username());
            m.put("refreshToken", e.refreshToken());
            Map<String, Object> tokens = new LinkedHashMap<>();
            e.accessTokens().forEach((k, t) -> tokens.put(k, Map.of("token", t.token(), "expiresOn", t.expiresOn(),
                    "refreshOn", t.refreshOn())));
            m.put("accessTokens", tokens);
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("entries", list);
        byte[] plain = JsonObject.write(doc).getBytes(StandardCharsets.UTF_8);
        try {
            return key == null ? plain : encrypt(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the token cache", e);
        }
    }

    private byte[] encrypt(byte[] plain) throws GeneralSecurityException {
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

    private byte[] decrypt(byte[] data) throws GeneralSecurityException {
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
