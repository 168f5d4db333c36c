package dev.azid.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.AccessToken;
import dev.azid.test.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When the cache asks its second level: on misses and refreshes only. */
class TokenCacheSecondLevelTest {

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final CacheKey key = new CacheKey("id", "tenant", List.of("https://x/.default"), false);
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger fetched = new AtomicInteger();
    private final SecondLevel counting = (k, f) -> {
        asked.incrementAndGet();
        return f.fetch();
    };

    private final TokenFetcher fetcher = () -> {
        fetched.incrementAndGet();
        return new AccessToken("t" + fetched.get(), clock.instant().plus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofMinutes(48)), "Bearer");
    };

    @Test
    void getToken_hit_doesNotAskTheSecondLevel() {
        TokenCache cache = new TokenCache("Test", clock, Runnable::run, PersistentLayer.NONE, counting);
        cache.getToken(key, false, fetcher);
        for (int i = 0; i < 100; i++) {
            cache.getToken(key, false, fetcher);
            cache.getTokenAsync(key, false, fetcher).join();
        }
        assertThat(asked).hasValue(1);
    }

    @Test
    void getToken_dueRefreshAndExpiry_askTheSecondLevel() {
        TokenCache cache = new TokenCache("Test", clock, Runnable::run, PersistentLayer.NONE, counting);
        cache.getToken(key, false, fetcher);
        clock.advance(Duration.ofMinutes(50));
        assertThat(cache.getToken(key, false, fetcher).token()).as("stale: served, refreshed in the background").isEqualTo("t1");
        assertThat(asked).hasValue(2);
        assertThat(cache.getToken(key, false, fetcher).token()).isEqualTo("t2");
        clock.advance(Duration.ofHours(2));
        assertThat(cache.getTokenAsync(key, false, fetcher).join().token()).isEqualTo("t3");
        assertThat(asked).hasValue(3);
    }

    @Test
    void getToken_forcedRefresh_bypassesTheSecondLevel() {
        TokenCache cache = new TokenCache("Test", clock, Runnable::run, PersistentLayer.NONE, counting);
        cache.getToken(key, true, fetcher);
        cache.getTokenAsync(key, true, fetcher).join();
        assertThat(asked).hasValue(0);
        assertThat(fetched).hasValue(2);
    }

    @Test
    void getToken_secondLevelAnswers_isCachedWithoutFetching() {
        AccessToken shared = new AccessToken("shared", clock.instant().plus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofMinutes(48)), "Bearer");
        TokenCache cache = new TokenCache("Test", clock, Runnable::run, PersistentLayer.NONE, (SecondLevel) (k, f) -> {
            asked.incrementAndGet();
            return shared;
        });
        assertThat(cache.getToken(key, false, fetcher)).isSameAs(shared);
        assertThat(cache.getToken(key, false, fetcher)).isSameAs(shared);
        assertThat(asked).hasValue(1);
        assertThat(fetched).hasValue(0);
    }
}
