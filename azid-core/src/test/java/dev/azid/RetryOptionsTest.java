package dev.azid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RetryOptionsTest {

    @Test
    void build_negativeMaxRetries_isRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RetryOptions.builder().maxRetries(-1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("RetryOptions: maxRetries is -1").hasMessageContaining("Set 0 or more");
        assertThatThrownBy(() -> CredentialOptions.builder().maxRetry(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRetries is -2");
    }

    @Test
    void build_badDurations_areRefusedNamingTheSetting() {
        assertThatThrownBy(() -> RetryOptions.exponential(3, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxDelay").hasMessageContaining("baseDelay");
        assertThatThrownBy(() -> RetryOptions.builder().tryTimeout(Duration.ZERO).build())
                .hasMessageContaining("tryTimeout");
        assertThatThrownBy(() -> RetryOptions.builder().totalTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("totalTimeout");
        assertThatThrownBy(() -> RetryOptions.builder().baseDelay(Duration.ofMillis(-1)).build())
                .hasMessageContaining("baseDelay");
        assertThatThrownBy(() -> RetryOptions.fixed(1, Duration.ofMillis(-1))).hasMessageContaining("fixed delay");
    }

    @Test
    void builder_nothingSet_leavesEveryEndpointDefault() {
        RetryOptions o = RetryOptions.builder().build();
        assertThat(o.maxRetries()).isEmpty();
        assertThat(o.baseDelay()).isEmpty();
        assertThat(o.maxDelay()).isEmpty();
        assertThat(o.retryDelay()).isEmpty();
        assertThat(o.tryTimeout()).isEmpty();
        assertThat(o.totalTimeout()).isEmpty();
        assertThat(o).hasToString("RetryOptions[maxRetries=default, baseDelay=default, maxDelay=default, "
                + "retryDelay=exponential, tryTimeout=default, totalTimeout=default]");
    }

    @Test
    void fixed_waitsTheSameBeforeEveryRetry() {
        RetryOptions o = RetryOptions.fixed(2, Duration.ofMillis(300));
        assertThat(o.maxRetries()).hasValue(2);
        Function<Duration, Duration> f = o.retryDelay().orElseThrow();
        assertThat(f.apply(Duration.ofSeconds(1))).isEqualTo(Duration.ofMillis(300));
        assertThat(f.apply(Duration.ofSeconds(2))).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void maxRetryAndRetryTimeout_onCredentialOptions_amendTheSameRetryOptions() {
        Function<Duration, Duration> wait = d -> Duration.ofMillis(10);
        CredentialOptions o = CredentialOptions.builder().retryOptions(RetryOptions.builder()
                .totalTimeout(Duration.ofSeconds(9)).build()).maxRetry(1).retryTimeout(wait).build();
        RetryOptions r = o.retryOptions().orElseThrow();
        assertThat(r.maxRetries()).hasValue(1);
        assertThat(r.retryDelay()).containsSame(wait);
        assertThat(r.totalTimeout()).hasValue(Duration.ofSeconds(9));
        CredentialOptions replaced = o.toBuilder().retryOptions(RetryOptions.fixed(4, Duration.ZERO)).build();
        assertThat(replaced.retryOptions().orElseThrow().maxRetries()).hasValue(4);
        assertThat(replaced.retryOptions().orElseThrow().totalTimeout()).isEmpty();
        assertThat(o.retryOptions().orElseThrow().maxRetries()).hasValue(1);
    }

    @Test
    void maxRetryAfter_isThirtySeconds() {
        assertThat(RetryOptions.MAX_RETRY_AFTER).isEqualTo(Duration.ofSeconds(30));
    }
}
