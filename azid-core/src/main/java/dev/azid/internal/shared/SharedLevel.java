package dev.azid.internal.shared;

import dev.azid.AccessToken;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.SecondLevel;
import dev.azid.internal.cache.TokenFetcher;
import java.time.Clock;

/**
 * A credential's level over a shared cache, as {@link SharedTokens#level} makes it: the cache it
 * belongs to and the clock that judges shared tokens, around the tier that does the work, so that
 * {@link SharedInspection} can tell which cache a credential shares through.
 *
 * @param tokens the shared cache
 * @param clock the credential's clock
 * @param tier the tier that reads, leases and stores
 */
record SharedLevel(SharedTokens tokens, Clock clock, SecondLevel tier) implements SecondLevel {

    @Override
    public AccessToken fetch(CacheKey key, TokenFetcher fetcher) {
        return tier.fetch(key, fetcher);
    }

    @Override
    public void offer(CacheKey key, AccessToken token) {
        tier.offer(key, token);
    }
}
