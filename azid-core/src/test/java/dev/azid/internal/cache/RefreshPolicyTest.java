package dev.azid.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void refreshAt_oneHourToken_at80PercentOfLifetime() {
        assertThat(RefreshPolicy.refreshAt(NOW, NOW.plus(Duration.ofHours(1)), null))
                .isEqualTo(NOW.plus(Duration.ofMinutes(48)));
    }

    @Test
    void refreshAt_longLivedToken_atHalfOfLifetime() {
        assertThat(RefreshPolicy.refreshAt(NOW, NOW.plus(Duration.ofHours(24)), null))
                .isEqualTo(NOW.plus(Duration.ofHours(12)));
    }

    @Test
    void refreshAt_serverRefreshIn_isUsed() {
        assertThat(RefreshPolicy.refreshAt(NOW, NOW.plus(Duration.ofHours(24)), Duration.ofHours(3)))
                .isEqualTo(NOW.plus(Duration.ofHours(3)));
    }

    @Test
    void refreshAt_serverRefreshInTooLate_clampedToFiveMinutesBeforeExpiry() {
        assertThat(RefreshPolicy.refreshAt(NOW, NOW.plus(Duration.ofHours(1)), Duration.ofMinutes(59)))
                .isEqualTo(NOW.plus(Duration.ofMinutes(55)));
    }

    @Test
    void refreshAt_fifteenMinuteToken_neverLaterThanFiveMinutesBeforeExpiry() {
        assertThat(RefreshPolicy.refreshAt(NOW, NOW.plus(Duration.ofMinutes(15)), null))
                .isEqualTo(NOW.plus(Duration.ofMinutes(10)));
    }

    @Test
    void refreshAt_shortLivedToken_atHalfOfLifetime() {
        assertThat(RefreshPolicy.refreshAt(NOW, NOW.plus(Duration.ofMinutes(4)), null))
                .isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void refreshAt_alreadyExpired_isExpiry() {
        assertThat(RefreshPolicy.refreshAt(NOW, NOW.minusSeconds(1), null)).isEqualTo(NOW.minusSeconds(1));
    }
}
