package dev.azid.internal.http;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How {@link HttpPipeline} retries one kind of endpoint: the endpoint's default, with whatever the
 * user's {@code dev.azid.RetryOptions} override applied (see {@code HttpSettings.retryPolicy}).
 *
 * @param maxRetries retries after the first attempt
 * @param baseDelay the first back-off delay; doubled on each retry
 * @param maxDelay the longest computed back-off delay
 * @param maxRetryAfter the longest delay a server's {@code Retry-After} may impose
 * @param totalTimeout the bound on the whole call, attempts and waits together
 * @param retryStatuses the statuses that are retried
 * @param baseDelayByStatus a different first delay for some statuses (IMDS's 410 needs a longer one)
 * @param tryTimeout the bound on one attempt, or {@code null} for the request's own timeout
 * @param delays the wait before retry {@code n}, given {@code Duration.ofSeconds(n)}, replacing the
 *     exponential back-off; or {@code null}
 */
public record RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
        Duration totalTimeout, Set<Integer> retryStatuses, Map<Integer, Duration> baseDelayByStatus,
        Duration tryTimeout, Function<Duration, Duration> delays) {

    /**
     * The longest wait a server's {@code Retry-After} may impose, for every endpoint azid retries
     * (Entra ID and every managed-identity source, IMDS included): 30 s. A longer wait would leave a
     * caller blocked with no answer for most of a call's bound (60 s for token requests), and the
     * IMDS 410 guidance (keep trying for 70 s) is met by its back-off, not by one long wait.
     */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(30);

    /**
     * For Entra ID token requests: 3 retries from 800 ms doubling (capped at 8 s), Retry-After
     * honoured up to {@link #MAX_RETRY_AFTER}, 60 s in all, on 408, 429, 500, 502, 503 and 504 and
     * connection failures (azure-core's default exponential policy).
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(800), Duration.ofSeconds(8),
            MAX_RETRY_AFTER, Duration.ofSeconds(60), Set.of(408, 429, 500, 502, 503, 504));

    /**
     * A policy with the same first delay for every status, the request's own attempt timeout and
     * exponential back-off.
     *
     * @param maxRetries retries after the first attempt
     * @param baseDelay the first back-off delay
     * @param maxDelay the longest computed delay
     * @param maxRetryAfter the longest Retry-After honoured
     * @param totalTimeout the bound on the whole call
     * @param retryStatuses the statuses retried
     */
    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
            Duration totalTimeout, Set<Integer> retryStatuses) {
        this(maxRetries, baseDelay, maxDelay, maxRetryAfter, totalTimeout, retryStatuses, Map.of());
    }

    /**
     * A policy with the request's own attempt timeout and exponential back-off.
     *
     * @param maxRetries retries after the first attempt
     * @param baseDelay the first back-off delay
     * @param maxDelay the longest computed delay
     * @param maxRetryAfter the longest Retry-After honoured
     * @param totalTimeout the bound on the whole call
     * @param retryStatuses the statuses retried
     * @param baseDelayByStatus a different first delay for some statuses
     */
    public RetryPolicy(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
            Duration totalTimeout, Set<Integer> retryStatuses, Map<Integer, Duration> baseDelayByStatus) {
        this(maxRetries, baseDelay, maxDelay, maxRetryAfter, totalTimeout, retryStatuses, baseDelayByStatus, null, null);
    }

    /** Validates and copies. */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        retryStatuses = Set.copyOf(retryStatuses);
        baseDelayByStatus = Map.copyOf(baseDelayByStatus);
    }

    /**
     * No retries at all, for probes.
     *
     * @param totalTimeout the bound on the call
     * @return the policy
     */
    public static RetryPolicy none(Duration totalTimeout) {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, totalTimeout, Set.of());
    }
}
