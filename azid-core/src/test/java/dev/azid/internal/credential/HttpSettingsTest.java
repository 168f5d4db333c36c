package dev.azid.internal.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.azid.RetryOptions;
import dev.azid.internal.http.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HttpSettingsTest {

    private static final RetryPolicy IMDS_LIKE = new RetryPolicy(5, Duration.ofMillis(800), Duration.ofSeconds(60),
            RetryPolicy.MAX_RETRY_AFTER, Duration.ofSeconds(140), Set.of(410, 503), Map.of(410, Duration.ofSeconds(4)));

    private static HttpSettings with(RetryOptions retry) {
        return new HttpSettings(retry, null, Map.of(), List.of(), false, false);
    }

    @Test
    void retryPolicy_nothingSet_isTheEndpointDefault() {
        assertThat(HttpSettings.DEFAULT.retryPolicy(IMDS_LIKE)).isSameAs(IMDS_LIKE);
        assertThat(with(RetryOptions.builder().build()).retryPolicy(IMDS_LIKE)).isEqualTo(IMDS_LIKE);
    }

    @Test
    void retryPolicy_maxRetriesOnly_keepsEveryOtherEndpointSetting() {
        RetryPolicy p = with(RetryOptions.builder().maxRetries(1).build()).retryPolicy(IMDS_LIKE);
        assertThat(p.maxRetries()).isEqualTo(1);
        assertThat(p.baseDelayByStatus()).containsEntry(410, Duration.ofSeconds(4));
        assertThat(p.totalTimeout()).isEqualTo(Duration.ofSeconds(140));
        assertThat(p.retryStatuses()).isEqualTo(IMDS_LIKE.retryStatuses());
        assertThat(p.maxRetryAfter()).isEqualTo(RetryPolicy.MAX_RETRY_AFTER);
    }

    @Test
    void retryPolicy_baseDelay_replacesThePerStatusDelays_andRaisesAShorterMaxDelay() {
        RetryPolicy p = with(RetryOptions.builder().baseDelay(Duration.ofSeconds(20)).build()).retryPolicy(RetryPolicy.DEFAULT);
        assertThat(p.baseDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(20));
        assertThat(with(RetryOptions.builder().baseDelay(Duration.ofSeconds(1)).build()).retryPolicy(IMDS_LIKE)
                .baseDelayByStatus()).isEmpty();
    }
}
