package dev.azid.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.test.MutableClock;
import dev.azid.test.RecordingSleeper;
import dev.azid.test.ScriptedTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HttpPipelineTest {

    private final MutableClock clock = MutableClock.at("2026-11-24T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final ScriptedTransport transport = new ScriptedTransport();
    private final HttpRequest request = HttpRequest.get(URI.create("https://login.example/t/x"), Map.of(),
            Duration.ofSeconds(10));

    private HttpPipeline pipeline(RetryPolicy options) {
        return new HttpPipeline(transport, options, clock, sleeper, () -> 0.5);
    }

    /** The sleeps before the retry of one answer {@code status} carrying {@code header: value}, then a 200. */
    private List<Duration> sleepsAfter(int status, String header, String value) throws IOException {
        transport.thenJson(status, "{}", Map.of(header, value)).thenJson(200, "{}");
        pipeline(RetryPolicy.DEFAULT).send(request);
        return sleeper.sleeps();
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void send_retryableStatus_retriesWithExponentialBackoff(int status) throws IOException {
        transport.thenJson(status, "{}").thenJson(status, "{}").thenJson(200, "{\"ok\":1}");
        HttpResponse r = pipeline(RetryPolicy.DEFAULT).send(request);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404})
    void send_clientError_isNotRetried(int status) throws IOException {
        transport.thenJson(status, "{}");
        assertThat(pipeline(RetryPolicy.DEFAULT).send(request).statusCode()).isEqualTo(status);
        assertThat(transport.calls()).isEqualTo(1);
    }

    @Test
    void send_retriesExhausted_returnsLastResponse() throws IOException {
        transport.always(r -> ScriptedTransport.json(503, "{}", Map.of()));
        assertThat(pipeline(RetryPolicy.DEFAULT).send(request).statusCode()).isEqualTo(503);
        assertThat(transport.calls()).isEqualTo(4);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600),
                Duration.ofMillis(3200));
    }

    @Test
    void send_retryAfterSeconds_isHonoured() throws IOException {
        assertThat(sleepsAfter(429, "Retry-After", "7")).containsExactly(Duration.ofSeconds(7));
    }

    @Test
    void send_retryAfterHttpDate_isHonoured() throws IOException {
        assertThat(sleepsAfter(503, "Retry-After", "Tue, 24 Nov 2026 10:00:12 GMT")).containsExactly(Duration.ofSeconds(12));
    }

    @Test
    void send_retryAfterMs_isHonoured() throws IOException {
        assertThat(sleepsAfter(503, "retry-after-ms", "250")).containsExactly(Duration.ofMillis(250));
    }

    @Test
    void send_hugeRetryAfter_isCapped() throws IOException {
        assertThat(sleepsAfter(429, "Retry-After", "3600")).containsExactly(Duration.ofSeconds(30));
    }

    @Test
    void send_garbageRetryAfter_fallsBackToBackoff() throws IOException {
        assertThat(sleepsAfter(503, "Retry-After", "soon")).containsExactly(Duration.ofMillis(800));
    }

    @Test
    void send_connectionFailure_isRetriedThenThrown() {
        transport.always(r -> {
            throw new ConnectException("Connection refused");
        });
        assertThatThrownBy(() -> pipeline(RetryPolicy.DEFAULT).send(request)).isInstanceOf(ConnectException.class);
        assertThat(transport.calls()).isEqualTo(4);
    }

    @Test
    void send_timeoutThenSuccess_retries() throws IOException {
        transport.thenThrow(new HttpTimeoutException("timed out")).thenJson(200, "{}");
        assertThat(pipeline(RetryPolicy.DEFAULT).send(request).statusCode()).isEqualTo(200);
    }

    @Test
    void send_tlsHandshakeFailure_isNotRetried() {
        transport.thenThrow(new javax.net.ssl.SSLHandshakeException("PKIX path building failed"));
        assertThatThrownBy(() -> pipeline(RetryPolicy.DEFAULT).send(request))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        assertThat(transport.calls()).isEqualTo(1);
    }

    @Test
    void send_interrupted_isNotRetried() {
        transport.thenThrow(new InterruptedIOException("interrupted"));
        assertThatThrownBy(() -> pipeline(RetryPolicy.DEFAULT).send(request)).isInstanceOf(InterruptedIOException.class);
        assertThat(transport.calls()).isEqualTo(1);
    }

    @Test
    void send_retryWouldPassTotalTimeout_stopsRetrying() throws IOException {
        RetryPolicy options = new RetryPolicy(5, Duration.ofSeconds(4), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(10), RetryPolicy.DEFAULT.retryStatuses());
        transport.always(r -> ScriptedTransport.json(503, "{}", Map.of()));
        assertThat(pipeline(options).send(request).statusCode()).isEqualTo(503);
        assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(4));
        assertThat(transport.calls()).isEqualTo(2);
    }

    @Test
    void send_attemptTimeout_isShortenedToRemainingBudget() throws IOException {
        RetryPolicy options = new RetryPolicy(1, Duration.ofSeconds(4), Duration.ofSeconds(60), Duration.ofSeconds(60),
                Duration.ofSeconds(6), RetryPolicy.DEFAULT.retryStatuses());
        transport.thenJson(503, "{}").thenJson(200, "{}");
        pipeline(options).send(request);
        List<HttpRequest> sent = transport.requests();
        assertThat(sent.get(0).timeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(sent.get(1).timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void backoff_jitter_spreadsBetween80And120Percent() {
        HttpPipeline low = new HttpPipeline(transport, RetryPolicy.DEFAULT, clock, sleeper, () -> 0.0);
        HttpPipeline high = new HttpPipeline(transport, RetryPolicy.DEFAULT, clock, sleeper, () -> 0.999_999);
        assertThat(low.backoff(0)).isEqualTo(Duration.ofMillis(640));
        assertThat(high.backoff(0)).isEqualTo(Duration.ofMillis(959));
        assertThat(low.backoff(10)).isEqualTo(Duration.ofMillis(6400));
    }

    @Test
    void send_noRetryOptions_makesOneAttempt() throws IOException {
        transport.thenJson(503, "{}");
        assertThat(pipeline(RetryPolicy.none(Duration.ofSeconds(1))).send(request).statusCode()).isEqualTo(503);
        assertThat(sleeper.sleeps()).isEmpty();
    }
}
