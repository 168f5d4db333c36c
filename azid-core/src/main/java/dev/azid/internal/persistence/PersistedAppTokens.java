package dev.azid.internal.persistence;

import dev.azid.AccessToken;
import dev.azid.TokenCachePersistenceOptions;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.PersistentLayer;
import dev.azid.internal.persistence.PersistentSessions.StoredToken;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens of an application credential (secret, certificate, assertion, on-behalf-of, user
 * name and password, federated) kept in the persistent cache, so that another process with the
 * same configuration is served without a request.
 *
 * <p>A token is stored under a key made of the cache key's tenant, scopes and CAE flag and a
 * PBKDF2 digest of its identity (credential kind, authority, client id, fingerprint of the
 * credential material and of the partition, such as an on-behalf-of user's assertion). So one
 * client's tokens are never served to another, nor one user's to another; and since the digest
 * is slow to compute, a stored key does not help guess a password from the file. A cache that cannot
 * be read or written is reported once and then skipped: the credential keeps working from memory.
 */
public final class PersistedAppTokens implements PersistentLayer {

    private static final Logger LOG = LoggerFactory.getLogger(PersistedAppTokens.class);
    private static final byte[] SALT = "azid persisted application token v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ITERATIONS = 20_000;
    private static final int MAX_MEMO = 64;

    private final String credentialName;
    private final PersistentSessions sessions;
    private final String partition;
    private final Clock clock;
    private final ConcurrentHashMap<String, String> digests = new ConcurrentHashMap<>();
    private volatile boolean warned;

    /**
     * Creates it. Touches no file until used.
     *
     * @param credentialName the credential, for log lines
     * @param options the cache
     * @param partition further credential material that tells tokens apart (a fingerprint), or {@code ""}
     * @param clock tells whether a stored token is still fresh
     */
    public PersistedAppTokens(String credentialName, TokenCachePersistenceOptions options, String partition,
            Clock clock) {
        this.credentialName = credentialName;
        this.sessions = new PersistentSessions(options);
        this.partition = partition;
        this.clock = clock;
    }

    @Override
    public Optional<AccessToken> find(CacheKey key) {
        try {
            return sessions.appToken(storeKey(key)).flatMap(t -> t.fresh(clock.instant()));
        } catch (UncheckedIOException e) {
            warn(e);
            return Optional.empty();
        }
    }

    @Override
    public void save(CacheKey key, AccessToken token) {
        try {
            sessions.saveAppToken(storeKey(key), StoredToken.of(token), clock.instant());
        } catch (UncheckedIOException e) {
            warn(e);
        }
    }

    /** The key in the file: nothing in it can be traced back to the credential material. */
    String storeKey(CacheKey key) {
        String identity = key.identity() + "|" + partition;
        String digest = digests.get(identity);
        if (digest == null) {
            digest = digest(identity);
            if (digests.size() < MAX_MEMO) {
                digests.putIfAbsent(identity, digest);
            }
        }
        return digest + "|" + key.tenant() + "|" + String.join(" ", key.scopes()) + "|" + (key.cae() ? "cae" : "");
    }

    private static String digest(String identity) {
        char[] chars = identity.toCharArray();
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(chars, SALT, ITERATIONS, 256)).getEncoded();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has PBKDF2WithHmacSHA256", e);
        } finally {
            java.util.Arrays.fill(chars, '\0');
        }
    }

    private void warn(UncheckedIOException e) {
        // The message names the cache file and the reason, never its content.
        if (!warned) {
            warned = true;
            LOG.warn("{}: {}; tokens are kept in memory only until it works again. Fix the file's permissions or "
                    + "choose another directory.", credentialName, e.getMessage());
        } else {
            LOG.debug("{}: the persistent token cache is still unusable", credentialName);
        }
    }

    @Override
    public String toString() {
        return "PersistedAppTokens[" + credentialName + "]";
    }
}
