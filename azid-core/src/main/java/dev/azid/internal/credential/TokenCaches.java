package dev.azid.internal.credential;

import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.cache.PersistentLayer;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.persistence.PersistedAppTokens;
import dev.azid.internal.shared.SharedTokens;

/**
 * Makes every credential's token cache from its {@link CredentialSettings}: the clock, the executor,
 * and the levels behind memory (the persistent cache, the cache shared with other processes).
 * Immutable and thread-safe; obtained from {@link CredentialSettings#caches()}.
 */
public final class TokenCaches {

    private static final SecondLevel USER_SIGN_IN = new SecondLevel.NotShared("a developer tool's or an interactive "
            + "sign-in's tokens are never shared with other processes: their cache key does not name the user");
    private static final SecondLevel AUTHORIZATION_CODE = new SecondLevel.NotShared("an authorization code's tokens "
            + "are never shared with other processes: their cache key does not name the user");
    private static final SecondLevel NO_SHARED_CACHE = new SecondLevel.NotShared("it was built without a shared cache: "
            + "its CredentialOptions set no sharedCache");

    private final CredentialSettings settings;

    TokenCaches(CredentialSettings settings) {
        this.settings = settings;
    }

    /**
     * A new, empty token cache in memory only, never shared with other processes: for developer
     * tools' and interactive sign-ins' tokens, whose cache key does not name the user.
     *
     * @param credentialName the credential
     * @return the cache
     */
    public TokenCache newCache(String credentialName) {
        return new TokenCache(credentialName, settings.clock(), settings.executor(), PersistentLayer.NONE, USER_SIGN_IN);
    }

    /**
     * A new token cache in front of the persistent cache when one is configured, never shared with
     * other processes through {@code CredentialOptions.sharedCache}: for user tokens whose cache key
     * does not name the user (an authorization code's).
     *
     * @param credentialName the credential
     * @param persistence the persistent cache, or {@code null} for memory only
     * @param partition a fingerprint of material that tells the credential's tokens apart
     * @return the cache
     */
    public TokenCache newUnsharedCache(String credentialName, TokenCachePersistenceOptions persistence, String partition) {
        return new TokenCache(credentialName, settings.clock(), settings.executor(),
                persistent(credentialName, persistence, partition), AUTHORIZATION_CODE);
    }

    /**
     * A new token cache, in front of the persistent cache when one is configured and over the cache
     * shared with other processes when {@code CredentialOptions.sharedCache} is set; for credentials
     * whose cache key names the principal fully (a service principal, a managed identity, an
     * on-behalf-of or password user).
     *
     * @param credentialName the credential
     * @param persistence the persistent cache, or {@code null} for memory only
     * @param partition a fingerprint of material that tells the credential's tokens apart beyond its
     *     cache identity (on-behalf-of: none needed, it is in the identity), or {@code ""}
     * @param hostBound whether the identity belongs to this host (a system-assigned managed identity),
     *     so that it is shared only through a store local to the host
     * @return the cache
     */
    public TokenCache newCache(String credentialName, TokenCachePersistenceOptions persistence, String partition,
            boolean hostBound) {
        SharedTokens shared = settings.sharedTokens();
        return new TokenCache(credentialName, settings.clock(), settings.executor(),
                persistent(credentialName, persistence, partition),
                shared == null ? NO_SHARED_CACHE : shared.level(credentialName, settings.clock(), hostBound));
    }

    private PersistentLayer persistent(String credentialName, TokenCachePersistenceOptions persistence, String partition) {
        return persistence == null ? PersistentLayer.NONE
                : new PersistedAppTokens(credentialName, persistence, partition, settings.clock());
    }
}
