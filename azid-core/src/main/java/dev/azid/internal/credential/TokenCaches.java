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

    private static final SecondLevel MEMORY_ONLY = new SecondLevel.NotShared("a developer tool's tokens are never "
            + "shared with other processes: the tool (az, azd, pwsh) keeps its own cache");
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
     * tools' tokens, and interactive sign-ins' in-process tokens (which the sign-in client shares
     * itself, under keys that name the account: see {@link #sharedLevel}).
     *
     * @param credentialName the credential
     * @return the cache
     */
    public TokenCache newCache(String credentialName) {
        return new TokenCache(credentialName, settings.clock(), settings.executor(), PersistentLayer.NONE, MEMORY_ONLY);
    }

    /**
     * A new token cache in front of the persistent cache when one is configured, never shared with
     * other processes through {@code CredentialOptions.sharedCache}: for an authorization code's user
     * tokens (a web app's many users, whose account is unknown until the code is redeemed).
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
        return new TokenCache(credentialName, settings.clock(), settings.executor(),
                persistent(credentialName, persistence, partition), shared(credentialName, hostBound));
    }

    /**
     * The level shared with other processes through {@code CredentialOptions.sharedCache}, for a user
     * credential that keys what it shares by the signed-in account itself (interactive sign-in).
     *
     * @param credentialName the credential, for log lines
     * @return the level, or a {@link SecondLevel.NotShared} when no shared cache is configured
     */
    public SecondLevel sharedLevel(String credentialName) {
        return shared(credentialName, false);
    }

    private SecondLevel shared(String credentialName, boolean hostBound) {
        SharedTokens shared = settings.sharedTokens();
        return shared == null ? NO_SHARED_CACHE : shared.level(credentialName, settings.clock(), hostBound);
    }

    private PersistentLayer persistent(String credentialName, TokenCachePersistenceOptions persistence, String partition) {
        return persistence == null ? PersistentLayer.NONE
                : new PersistedAppTokens(credentialName, persistence, partition, settings.clock());
    }
}
