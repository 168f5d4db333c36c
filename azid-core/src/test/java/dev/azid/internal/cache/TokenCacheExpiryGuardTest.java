package dev.azid.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.test.LogCapture;
import dev.azid.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The one guard every fetched token passes, whatever its source parser let through. */
class TokenCacheExpiryGuardTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture();

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final CacheKey key = new CacheKey("id", "", List.of("https://x/.default"), false);
    private final TokenCache cache = new TokenCache("TestCredential", clock, Runnable::run);

    @Test
    void getToken_fetchedTokenAlreadyExpired_isRefusedAndNotCached() {
        AtomicInteger fetches = new AtomicInteger();
        TokenFetcher expired = () -> {
            fetches.incrementAndGet();
            return AccessToken.of("secret-token-value", Instant.EPOCH);
        };
        assertThatThrownBy(() -> cache.getToken(key, false, expired)).isInstanceOf(AuthenticationFailedException.class)
                .hasMessageStartingWith("TestCredential: the token it received expires at 1970-01-01T00:00:00Z")
                .hasMessageContaining("already expired").hasMessageNotContaining("secret-token-value");
        assertThatThrownBy(() -> cache.getToken(key, false, expired)).isInstanceOf(AuthenticationFailedException.class);
        assertThat(fetches).hasValue(2);
    }

    @Test
    void getToken_fetchedTokenExpiringExactlyNow_isRefused() {
        assertThatThrownBy(() -> cache.getToken(key, false, () -> AccessToken.of("t", clock.instant())))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void getToken_fetchedTokenClaimingYear9999_isRefused() {
        assertThatThrownBy(() -> cache.getToken(key, false, () -> AccessToken.of("t", Instant.parse("9999-12-31T23:59:59Z"))))
                .isInstanceOf(AuthenticationFailedException.class).hasMessageContaining("more than 7 days");
        assertThatThrownBy(() -> cache.getTokenAsync(key, true, () -> AccessToken.of("t", Instant.MAX)).join())
                .hasCauseInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void getToken_lifetimeAtTheBound_isAccepted() {
        Instant week = clock.instant().plus(TokenExpiry.MAX_LIFETIME);
        assertThat(cache.getToken(key, false, () -> AccessToken.of("t", week)).expiresAt()).isEqualTo(week);
    }

    @Test
    void backgroundRefresh_returningAnExpiredToken_keepsTheCachedOne() {
        Instant now = clock.instant();
        cache.getToken(key, false, () -> new AccessToken("good", now.plus(Duration.ofHours(1)), now.plus(Duration.ofMinutes(48)),
                "Bearer"));
        clock.advance(Duration.ofMinutes(50));
        AccessToken served = cache.getToken(key, false, () -> AccessToken.of("bad", Instant.EPOCH));
        assertThat(served.token()).isEqualTo("good");
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.getToken(key, false, () -> AccessToken.of("bad", Instant.EPOCH)).token()).isEqualTo("good");
        assertThat(logs.all()).contains("refreshing a cached token failed");
    }
}
