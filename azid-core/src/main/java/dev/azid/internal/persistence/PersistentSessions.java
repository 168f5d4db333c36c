package dev.azid.internal.persistence;

import dev.azid.PersistentTokenStore;
import dev.azid.AccessToken;
import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.cache.TokenExpiry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Users' refresh and access tokens kept across processes: one entry per client and account, in the
 * {@link CacheDocument} (encrypted when a key is configured) that also holds applications' access
 * tokens. A document that cannot be decrypted or parsed is dropped with a warning, never thrown.
 */
public final class PersistentSessions {

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

        /**
         * A stored token, from a token response.
         *
         * @param token the token
         * @return its stored form
         */
        public static StoredToken of(AccessToken token) {
            return new StoredToken(token.token(), token.expiresAt().getEpochSecond(), token.refreshAt().getEpochSecond());
        }

        /**
         * The token, if it is still fresh at {@code now}. One that is expired, due for refresh, or has
         * an expiry no token has (the file is foreign input) is not: a new one must be fetched.
         *
         * @param now the current time
         * @return the token, or empty
         */
        public Optional<AccessToken> fresh(Instant now) {
            long limit = now.getEpochSecond() + TokenExpiry.MAX_LIFETIME.getSeconds();
            if (token.isBlank() || refreshOn <= now.getEpochSecond() || expiresOn <= now.getEpochSecond()
                    || expiresOn > limit || refreshOn > expiresOn) {
                return Optional.empty();
            }
            return Optional.of(new AccessToken(token, Instant.ofEpochSecond(expiresOn), Instant.ofEpochSecond(refreshOn),
                    "Bearer"));
        }

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
        return decode(store.read()).entries().stream()
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
            CacheDocument doc = decode(current);
            List<Entry> entries = new ArrayList<>(doc.entries());
            Map<String, StoredToken> tokens = new LinkedHashMap<>();
            entries.stream().filter(e -> e.isFor(entry.clientId(), entry.homeAccountId()))
                    .forEach(e -> tokens.putAll(e.accessTokens()));
            tokens.putAll(entry.accessTokens());
            tokens.values().removeIf(t -> t.expiresOn() <= now.getEpochSecond());
            entries.removeIf(e -> e.isFor(entry.clientId(), entry.homeAccountId()));
            entries.add(new Entry(entry.clientId(), entry.homeAccountId(), entry.authority(), entry.tenantId(),
                    entry.username(), entry.refreshToken(), tokens));
            return new CacheDocument(entries, doc.appTokens()).encode(key);
        });
    }

    /**
     * The access token an application credential saved under a key (see {@link PersistedAppTokens}).
     *
     * @param appKey the opaque key
     * @return the stored token, if any (not yet checked for freshness)
     */
    Optional<StoredToken> appToken(String appKey) {
        return Optional.ofNullable(decode(store.read()).appTokens().get(appKey));
    }

    /**
     * Adds or replaces an application's access token, and drops every application token expired at {@code now}.
     *
     * @param appKey the opaque key
     * @param token the token
     * @param now the current time
     */
    void saveAppToken(String appKey, StoredToken token, Instant now) {
        store.update(current -> {
            CacheDocument doc = decode(current);
            Map<String, StoredToken> tokens = new LinkedHashMap<>(doc.appTokens());
            tokens.put(appKey, token);
            tokens.values().removeIf(t -> t.expiresOn() <= now.getEpochSecond());
            return new CacheDocument(doc.entries(), tokens).encode(key);
        });
    }

    private CacheDocument decode(byte[] bytes) {
        return CacheDocument.decode(bytes, key);
    }
}
