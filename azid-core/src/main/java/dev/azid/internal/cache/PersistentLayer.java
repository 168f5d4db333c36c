package dev.azid.internal.cache;

import dev.azid.AccessToken;
import java.util.Optional;

/**
 * A store behind a {@link TokenCache} that outlives the process, shared with other processes: the
 * cache asks it before fetching, and gives it every token it fetched for a request without claims.
 */
public interface PersistentLayer {

    /** No store: tokens live in memory only. */
    PersistentLayer NONE = new PersistentLayer() {
        @Override
        public Optional<AccessToken> find(CacheKey key) {
            return Optional.empty();
        }

        @Override
        public void save(CacheKey key, AccessToken token) {
            // Memory only.
        }

        @Override
        public String toString() {
            return "PersistentLayer.NONE";
        }
    };

    /**
     * A still-fresh token another process (or an earlier run) stored for the key.
     *
     * @param key what the token is for
     * @return the token, or empty
     */
    Optional<AccessToken> find(CacheKey key);

    /**
     * Stores a token just fetched for the key.
     *
     * @param key what the token is for
     * @param token the token
     */
    void save(CacheKey key, AccessToken token);
}
