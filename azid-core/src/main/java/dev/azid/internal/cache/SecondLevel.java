package dev.azid.internal.cache;

import dev.azid.AccessToken;

/**
 * What {@link TokenCache} asks when it has no usable token and must fetch: a level shared with
 * other processes, which may answer with a token another process fetched, or coordinate so that
 * one process fetches for all. Never asked on a cache hit, nor for a forced refresh (claims).
 */
@FunctionalInterface
public interface SecondLevel {

    /** No second level: every miss fetches. */
    SecondLevel NONE = (key, fetcher) -> fetcher.fetch();

    /**
     * Returns a token for the key: a fresh one from the shared level, or one the fetcher gets.
     * A failure of the shared level never fails the call: the fetcher is then called.
     *
     * @param key what the token is for
     * @param fetcher gets a new token
     * @return the token
     * @throws RuntimeException as the fetcher throws
     */
    AccessToken fetch(CacheKey key, TokenFetcher fetcher);

    /**
     * Stores a token this process already has, without looking for one first: for a user token whose
     * account became known only with the sign-in that returned it. A failure of the shared level is
     * absorbed. Does nothing by default.
     *
     * @param key what the token is for; must name the token's account
     * @param token the token
     */
    default void offer(CacheKey key, AccessToken token) {
    }

    /**
     * No second level, and why: every miss fetches, and diagnostics can tell the reason.
     *
     * @param reason why the credential's tokens are not shared, as a clause ("an authorization
     *     code's tokens are never shared: ...")
     */
    record NotShared(String reason) implements SecondLevel {

        /** Validates the reason. */
        public NotShared {
            java.util.Objects.requireNonNull(reason, "reason");
        }

        /** Fetches: there is no level to ask. */
        @Override
        public AccessToken fetch(CacheKey key, TokenFetcher fetcher) {
            return fetcher.fetch();
        }
    }
}
