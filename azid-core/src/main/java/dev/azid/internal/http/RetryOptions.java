package dev.azid.internal.http;

import java.time.Duration;
import java.util.Set;

/**
 * How {@link HttpPipeline} retries.
 *
 * @param maxRetries retries after the first attempt
 * @param baseDelay the first back-off delay; doubled on each retry
 * @param maxDelay the longest computed back-off delay
 * @param maxRetryAfter the longest delay a server's {@code Retry-After} may impose
 * @param totalTimeout the bound on the whole call, attempts and waits together
 * @param retryStatuses the statuses that are retried
 * @param baseDelayByStatus a different first delay for some statuses (IMDS's 410 needs a longer one)
 */
public record RetryOptions(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
        Duration totalTimeout, Set<Integer> retryStatuses, java.util.Map<Integer, Duration> baseDelayByStatus) {

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
     * connection failures.
     */
    public static final RetryOptions DEFAULT = new RetryOptions(3, Duration.ofMillis(800), Duration.ofSeconds(8),
            MAX_RETRY_AFTER, Duration.ofSeconds(60), Set.of(408, 429, 500, 502, 503, 504));

    /**
     * Options with the same first delay for every status.
     *
     * @param maxRetries retries after the first attempt
     * @param baseDelay the first back-off delay
     * @param maxDelay the longest computed delay
     * @param maxRetryAfter the longest Retry-After honoured
     * @param totalTimeout the bound on the whole call
     * @param retryStatuses the statuses retried
     */
    public RetryOptions(int maxRetries, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter,
            Duration totalTimeout, Set<Integer> retryStatuses) {
        this(maxRetries, baseDelay, maxDelay, maxRetryAfter, totalTimeout, retryStatuses, java.util.Map.of());
    }

    /** Validates and copies. */
    public RetryOptions {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        retryStatuses = Set.copyOf(retryStatuses);
        baseDelayByStatus = java.util.Map.copyOf(baseDelayByStatus);
    }

    /**
     * No retries at all, for probes.
     *
     * @param totalTimeout the bound on the call
     * @return the options
     */
    public static RetryOptions none(Duration totalTimeout) {
        return new RetryOptions(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, totalTimeout, Set.of());
    }
}
