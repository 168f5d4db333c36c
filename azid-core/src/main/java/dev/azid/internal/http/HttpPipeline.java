package dev.azid.internal.http;

import dev.azid.http.HttpRequest;
import dev.azid.http.HttpResponse;
import dev.azid.http.HttpTransport;
import dev.azid.internal.redact.Redactor;
import dev.azid.internal.util.Waits;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport plus azid's retry policy: exponential back-off with jitter, the server's
 * {@code Retry-After} honoured (capped), and a bound on the total time of the call. It also
 * carries the credential's account-identifier logging switch to the clients that read tokens.
 *
 * @param transport sends one attempt
 * @param policy the retry policy
 * @param clock the clock used for deadlines and {@code Retry-After} dates
 * @param sleeper waits between attempts
 * @param jitter returns a factor in [0, 1) that spreads delays between 80 % and 120 %
 * @param redactor masks the credential's secrets in what is logged of failed attempts
 * @param logsAccountIdentifiers whether token clients on this pipeline log account identifiers
 */
public record HttpPipeline(HttpTransport transport, RetryPolicy policy, Clock clock, Sleeper sleeper,
        DoubleSupplier jitter, Redactor redactor, boolean logsAccountIdentifiers) {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPipeline.class);

    /**
     * Creates the pipeline, masking only secret shapes and logging no account identifiers.
     *
     * @param transport sends one attempt
     * @param policy the retry policy
     * @param clock the clock used for deadlines and {@code Retry-After} dates
     * @param sleeper waits between attempts
     * @param jitter returns a factor in [0, 1) that spreads delays between 80 % and 120 %
     */
    public HttpPipeline(HttpTransport transport, RetryPolicy policy, Clock clock, Sleeper sleeper,
            DoubleSupplier jitter) {
        this(transport, policy, clock, sleeper, jitter, Redactor.SHAPES, false);
    }

    /**
     * A pipeline with random jitter and real sleeps.
     *
     * @param transport sends one attempt
     * @param options the retry policy
     * @param clock the clock
     * @return the pipeline
     */
    public static HttpPipeline create(HttpTransport transport, RetryPolicy options, Clock clock) {
        return new HttpPipeline(transport, options, clock, Sleeper.THREAD_SLEEP,
                () -> java.util.concurrent.ThreadLocalRandom.current().nextDouble());
    }

    /**
     * Returns a pipeline with the same transport, clock and sleeper and other retry options.
     *
     * @param newOptions the retry policy
     * @return the pipeline
     */
    public HttpPipeline withOptions(RetryPolicy newOptions) {
        return new HttpPipeline(transport, newOptions, clock, sleeper, jitter, redactor, logsAccountIdentifiers);
    }

    /**
     * Returns a pipeline that masks these secrets too in what it logs of failed attempts.
     *
     * @param credentialRedactor the credential's redactor
     * @return the pipeline
     */
    public HttpPipeline withRedactor(Redactor credentialRedactor) {
        return new HttpPipeline(transport, policy, clock, sleeper, jitter, credentialRedactor, logsAccountIdentifiers);
    }

    /**
     * Returns a pipeline whose token clients log the account identifiers of each token they receive
     * (the {@code enableAccountIdentifierLogging} switch).
     *
     * @param enabled whether to log them
     * @return the pipeline
     */
    public HttpPipeline withAccountIdentifierLogging(boolean enabled) {
        return new HttpPipeline(transport, policy, clock, sleeper, jitter, redactor, enabled);
    }

    /**
     * Sends the request, retrying as the options say.
     *
     * @param request the request
     * @return the last response (a retryable status is returned once retries or time run out)
     * @throws IOException the last connection failure, once retries or time run out
     */
    public HttpResponse send(HttpRequest request) throws IOException {
        long deadline = clock.millis() + policy.totalTimeout().toMillis();
        for (int attempt = 0; ; attempt++) {
            long remaining = deadline - clock.millis();
            if (remaining <= 0) {
                throw new HttpTimeoutException(request + " gave no usable answer within "
                        + policy.totalTimeout().toMillis() + " ms");
            }
            Duration perTry = policy.tryTimeout() != null ? policy.tryTimeout() : request.timeout();
            Duration timeout = perTry.toMillis() <= remaining ? perTry : Duration.ofMillis(remaining);
            HttpResponse response;
            Duration delay;
            try {
                response = transport.send(request.withTimeout(timeout));
            } catch (IOException e) {
                // The transport's message may quote the server or the request: mask it before logging.
                if (isInterruption(e) || e instanceof javax.net.ssl.SSLHandshakeException) {
                    throw e;
                }
                Duration wait = backoff(attempt);
                if (!mayRetry(attempt, deadline, wait, request, redactor.forRequest(request).redact(e.toString()))) {
                    throw e;
                }
                pause(wait);
                continue;
            }
            if (!policy.retryStatuses().contains(response.statusCode())) {
                return response;
            }
            int current = attempt;
            Duration base = policy.baseDelayByStatus().getOrDefault(response.statusCode(), policy.baseDelay());
            delay = retryAfter(response).orElseGet(() -> policy.delays() != null ? delay(current) : backoff(current, base));
            if (!mayRetry(attempt, deadline, delay, request, "HTTP " + response.statusCode())) {
                return response;
            }
            pause(delay);
        }
    }

    /**
     * A thread interrupt ends the call; a socket read timeout is an ordinary, retryable failure. (A
     * TLS handshake failure is not retried either: an untrusted certificate does not heal.)
     */
    private static boolean isInterruption(IOException e) {
        return e instanceof InterruptedIOException && !(e instanceof java.net.SocketTimeoutException);
    }

    private boolean mayRetry(int attempt, long deadline, Duration delay, HttpRequest request, String what) {
        if (attempt >= policy.maxRetries()) {
            return false;
        }
        if (clock.millis() + delay.toMillis() >= deadline) {
            LOG.debug("{} failed ({}); not retrying: the retry would pass the {} ms time limit",
                    request, what, policy.totalTimeout().toMillis());
            return false;
        }
        LOG.debug("{} failed ({}); retry {} of {} in {} ms", request, what, attempt + 1, policy.maxRetries(),
                delay.toMillis());
        return true;
    }

    private void pause(Duration delay) throws InterruptedIOException {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            throw Waits.interruptedIo("interrupted while waiting to retry", e);
        }
    }

    /** Exponential: base * 2^attempt, capped, then spread to 80-120 % so clients do not retry in step. */
    Duration backoff(int attempt) {
        return policy.delays() != null ? delay(attempt) : backoff(attempt, policy.baseDelay());
    }

    /** The configured wait before retry {@code attempt + 1}; it is given that retry's number as seconds. */
    private Duration delay(int attempt) {
        Duration d = policy.delays().apply(Duration.ofSeconds(attempt + 1L));
        if (d == null || d.isNegative()) {
            throw new IllegalStateException("RetryOptions.retryDelay returned " + d + " for retry " + (attempt + 1)
                    + ". Return a duration of zero or more.");
        }
        return d;
    }

    private Duration backoff(int attempt, Duration baseDelay) {
        long base = baseDelay.toMillis();
        long exp = attempt >= 30 ? Long.MAX_VALUE : base << attempt;
        long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, policy.maxDelay().toMillis());
        return Duration.ofMillis((long) (capped * (0.8 + 0.4 * jitter.getAsDouble())));
    }

    Optional<Duration> retryAfter(HttpResponse response) {
        return RetryAfter.parse(response, clock)
                .map(d -> d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d);
    }
}
