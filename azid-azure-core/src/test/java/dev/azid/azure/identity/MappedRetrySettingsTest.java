package dev.azid.azure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelay;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpResponse;
import dev.azid.emulator.AzidEmulator;
import dev.azid.emulator.EmulatorConfig;
import dev.azid.emulator.EntraEmulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The compatibility builders' retry settings have their effect: the emulator answers 503 a number
 * of times, and the number of token requests it sees is the number of attempts the settings allow.
 */
@AzidEmulator
class MappedRetrySettingsTest {

    private static final TokenRequestContext ARM = new TokenRequestContext().addScopes("https://management.azure.com/.default");
    private static final String TOKEN_PATH = "/oauth2/v2.0/token";

    private static ClientSecretCredentialBuilder secret(EntraEmulator e) {
        return CompatBuildersTest.secret(e, EmulatorConfig.DEFAULT_CLIENT_SECRET).httpClient(CompatBuildersTest.client(e));
    }

    /** The emulator answers every token request with 503; returns how many it saw after the call. */
    private static int attempts(EntraEmulator e, ClientSecretCredentialBuilder b) {
        ClientSecretCredential c = b.build();
        e.requestLog().clear();
        e.faults().on(TOKEN_PATH).next(20).status(503);
        assertThatThrownBy(() -> c.getTokenSync(ARM)).isInstanceOf(ClientAuthenticationException.class);
        return e.requestLog().matching(TOKEN_PATH).size();
    }

    @Test
    void maxRetry_andRetryTimeout_setAzidsRetries(EntraEmulator e) {
        List<Duration> asked = new CopyOnWriteArrayList<>();
        int n = attempts(e, secret(e).maxRetry(2).retryTimeout(d -> {
            asked.add(d);
            return Duration.ZERO;
        }));
        assertThat(n).as("the first attempt and 2 retries").isEqualTo(3);
        // azid asks for the delay of the retry after the last one too, before it finds no retry left.
        assertThat(asked).startsWith(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void maxRetry_zero_turnsRetriesOff(EntraEmulator e) {
        assertThat(attempts(e, secret(e).maxRetry(0))).isEqualTo(1);
    }

    @Test
    void retryOptions_fixedDelay_becomeAzidsRetries(EntraEmulator e) {
        assertThat(attempts(e, secret(e).retryOptions(new RetryOptions(new FixedDelayOptions(1, Duration.ZERO)))))
                .isEqualTo(2);
    }

    @Test
    void retryOptions_exponentialBackoff_becomeAzidsRetries(EntraEmulator e) {
        assertThat(attempts(e, secret(e).retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                .setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(2)))))).isEqualTo(3);
    }

    @Test
    void retryOptions_maxRetryWinsOverTheOptionsCount(EntraEmulator e) {
        assertThat(attempts(e, secret(e).maxRetry(0).retryOptions(new RetryOptions(new FixedDelayOptions(3, Duration.ZERO)))))
                .isEqualTo(1);
    }

    @Test
    void retryOptions_shouldRetryCondition_decidesInAnAzureCorePipeline(EntraEmulator e) {
        AtomicInteger asked = new AtomicInteger();
        RetryOptions never = new RetryOptions(new FixedDelayOptions(3, Duration.ZERO)).setShouldRetryCondition(c -> {
            asked.incrementAndGet();
            return false;
        });
        assertThat(attempts(e, secret(e).retryOptions(never))).as("the condition refuses; azid does not retry either")
                .isEqualTo(1);
        assertThat(asked).hasValue(1);
        RetryOptions always = new RetryOptions(new FixedDelayOptions(2, Duration.ZERO)).setShouldRetryCondition(c -> true);
        assertThat(attempts(e, secret(e).retryOptions(always))).isEqualTo(3);
    }

    @Test
    void retryPolicy_retriesInAnAzureCorePipeline_betweenPerCallAndPerRetryPolicies(EntraEmulator e) {
        AtomicInteger perCall = new AtomicInteger();
        AtomicInteger perRetry = new AtomicInteger();
        int n = attempts(e, secret(e).retryPolicy(new RetryPolicy(new FixedDelay(2, Duration.ofMillis(1))))
                .addPolicy(counting(perRetry, HttpPipelinePosition.PER_RETRY))
                .addPolicy(counting(perCall, HttpPipelinePosition.PER_CALL)));
        assertThat(n).as("azure-core's policy retries twice; azid adds none").isEqualTo(3);
        assertThat(perCall).hasValue(1);
        assertThat(perRetry).hasValue(3);
    }

    @Test
    void retrySettings_thatExcludeEachOther_failAtBuild(EntraEmulator e) {
        RetryOptions options = new RetryOptions(new FixedDelayOptions(1, Duration.ZERO));
        assertThatThrownBy(() -> secret(e).retryPolicy(new RetryPolicy()).retryOptions(options).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'retryPolicy' and 'retryOptions' cannot both be set");
        assertThatThrownBy(() -> secret(e).retryPolicy(new RetryPolicy()).maxRetry(1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxRetry(...) or retryTimeout(...)");
        assertThatThrownBy(() -> CompatBuildersTest.secret(e, "s").retryPolicy(new RetryPolicy())
                .httpPipeline(new HttpPipelineBuilder().httpClient(CompatBuildersTest.client(e)).build()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retryPolicy");
        assertThatThrownBy(() -> secret(e).maxRetry(-1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRetries is -1");
    }

    private static HttpPipelinePolicy counting(AtomicInteger calls, HttpPipelinePosition position) {
        return new HttpPipelinePolicy() {
            @Override
            public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
                calls.incrementAndGet();
                return next.process();
            }

            @Override
            public HttpPipelinePosition getPipelinePosition() {
                return position;
            }
        };
    }
}
