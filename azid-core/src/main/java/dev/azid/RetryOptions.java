package dev.azid;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * How every HTTP call of a credential is retried: to Entra ID, to every managed-identity source, to
 * cloud discovery and to the CI token services. Set it with {@link CredentialOptions.Builder#retryOptions}
 * (or its shorthands {@code maxRetry} and {@code retryTimeout}).
 *
 * <p>Each setting left unset keeps the endpoint's own default, so one value can serve endpoints
 * whose defaults differ:
 * <ul>
 *   <li>Entra ID, App Service, Arc, Service Fabric, Cloud Shell and the CI token services: 3 retries
 *       from 800 ms doubling up to 8 s, 30 s per attempt (10 s for managed identity), 60 s in all;
 *   <li>IMDS: 5 retries from 800 ms doubling (4 s for its 410 "upgrading" answer), 10 s per
 *       attempt, 140 s in all;
 *   <li>cloud discovery: 1 retry from 500 ms, 3 times its timeout in all.
 * </ul>
 * Delays are spread by &plusmn;20 % (jitter), except those of {@link Builder#retryDelay}. A server's
 * {@code Retry-After} wins over the computed delay, up to {@link #MAX_RETRY_AFTER}. What is retried does not
 * change: connection failures, timeouts and the endpoint's transient statuses (408, 429, 500, 502,
 * 503, 504 for Entra ID). The short IMDS probe of a chain ({@link DefaultAzureCredential}) stays one
 * attempt: it decides whether managed identity is there at all.
 *
 * <p>Immutable and thread-safe; {@link #toString()} may be logged.
 */
public final class RetryOptions {

    /**
     * The longest wait a server's {@code Retry-After} may impose, for every endpoint: 30 s. A longer
     * wait would leave a caller blocked with no answer for most of a call's bound.
     */
    public static final Duration MAX_RETRY_AFTER = dev.azid.internal.http.RetryPolicy.MAX_RETRY_AFTER;

    /** A private copy of the builder that built these options: never handed out, so never changed. */
    private final Builder set;

    private RetryOptions(Builder b) {
        this.set = new Builder(b);
    }

    /**
     * Starts a builder with nothing set (every endpoint's default).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Exponential back-off, as azure-core's {@code ExponentialBackoffOptions}: the wait before retry
     * {@code n} is {@code baseDelay * 2^(n-1)}, at most {@code maxDelay}, with jitter.
     *
     * @param maxRetries retries after the first attempt, 0 or more
     * @param baseDelay the first wait, 0 or more
     * @param maxDelay the longest wait, at least {@code baseDelay}
     * @return the options
     * @throws IllegalArgumentException if a value is out of range
     */
    public static RetryOptions exponential(int maxRetries, Duration baseDelay, Duration maxDelay) {
        return builder().maxRetries(maxRetries).baseDelay(baseDelay).maxDelay(maxDelay).build();
    }

    /**
     * The same wait before every retry, without jitter, as azure-core's {@code FixedDelayOptions}.
     *
     * @param maxRetries retries after the first attempt, 0 or more
     * @param delay the wait, 0 or more
     * @return the options
     * @throws IllegalArgumentException if a value is out of range
     */
    public static RetryOptions fixed(int maxRetries, Duration delay) {
        Objects.requireNonNull(delay, "RetryOptions.delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("RetryOptions: the fixed delay is negative (" + delay
                    + "). Set a delay of zero or more.");
        }
        return builder().maxRetries(maxRetries).retryDelay(retry -> delay).build();
    }

    /**
     * Starts a builder holding these options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(set);
    }

    /** @return the retries after the first attempt, or empty for each endpoint's default */
    public OptionalInt maxRetries() {
        return set.maxRetries == null ? OptionalInt.empty() : OptionalInt.of(set.maxRetries);
    }

    /** @return the first back-off delay, or empty for each endpoint's default */
    public Optional<Duration> baseDelay() {
        return Optional.ofNullable(set.baseDelay);
    }

    /** @return the longest back-off delay, or empty for each endpoint's default */
    public Optional<Duration> maxDelay() {
        return Optional.ofNullable(set.maxDelay);
    }

    /** @return the function giving the wait before each retry, or empty for exponential back-off */
    public Optional<Function<Duration, Duration>> retryDelay() {
        return Optional.ofNullable(set.retryDelay);
    }

    /** @return the bound on one attempt, or empty for each endpoint's default */
    public Optional<Duration> tryTimeout() {
        return Optional.ofNullable(set.tryTimeout);
    }

    /** @return the bound on a whole call, retries and waits included, or empty for each endpoint's default */
    public Optional<Duration> totalTimeout() {
        return Optional.ofNullable(set.totalTimeout);
    }

    /** Names what is set. */
    @Override
    public String toString() {
        return "RetryOptions[maxRetries=" + orDefault(set.maxRetries) + ", baseDelay=" + orDefault(set.baseDelay)
                + ", maxDelay=" + orDefault(set.maxDelay)
                + ", retryDelay=" + (set.retryDelay == null ? "exponential" : "custom")
                + ", tryTimeout=" + orDefault(set.tryTimeout) + ", totalTimeout=" + orDefault(set.totalTimeout) + "]";
    }

    private static Object orDefault(Object value) {
        return value == null ? "default" : value;
    }

    /** Builds {@link RetryOptions}. Not thread-safe. */
    public static final class Builder {
        private Integer maxRetries;
        private Duration baseDelay;
        private Duration maxDelay;
        private Function<Duration, Duration> retryDelay;
        private Duration tryTimeout;
        private Duration totalTimeout;

        private Builder() {
        }

        private Builder(Builder other) {
            this.maxRetries = other.maxRetries;
            this.baseDelay = other.baseDelay;
            this.maxDelay = other.maxDelay;
            this.retryDelay = other.retryDelay;
            this.tryTimeout = other.tryTimeout;
            this.totalTimeout = other.totalTimeout;
        }

        /**
         * Sets the number of retries after the first attempt, for every endpoint (default: 3; 5 for
         * IMDS; 1 for cloud discovery). {@code 0} turns retries off.
         *
         * @param maxRetries 0 or more
         * @return this builder
         */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /**
         * Sets the first wait of the exponential back-off; it doubles on each retry (default: 800 ms;
         * 500 ms for cloud discovery). It replaces IMDS's longer first wait for its 410 answer too.
         *
         * @param baseDelay 0 or more
         * @return this builder
         */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = Objects.requireNonNull(baseDelay, "RetryOptions.baseDelay");
            return this;
        }

        /**
         * Sets the longest wait of the exponential back-off (default: 8 s; 60 s for IMDS; 2 s for
         * cloud discovery).
         *
         * @param maxDelay 0 or more, at least the base delay when both are set
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = Objects.requireNonNull(maxDelay, "RetryOptions.maxDelay");
            return this;
        }

        /**
         * Replaces the exponential back-off: the wait before retry {@code n} (1 for the first retry)
         * is {@code retryDelay.apply(Duration.ofSeconds(n))}, without jitter. This is what
         * azure-identity's {@code retryTimeout} function computes despite its name (its default,
         * {@code 800 ms * 2^(n-1)}, is the IMDS back-off). The function must be thread-safe and
         * return a duration of zero or more; a server's {@code Retry-After} still wins.
         *
         * @param retryDelay the function
         * @return this builder
         */
        public Builder retryDelay(Function<Duration, Duration> retryDelay) {
            this.retryDelay = Objects.requireNonNull(retryDelay, "RetryOptions.retryDelay");
            return this;
        }

        /**
         * Sets the bound on one attempt, from connecting to the last byte of the answer (default:
         * 30 s for Entra ID and the CI token services, 10 s for managed identity).
         *
         * @param tryTimeout a positive duration
         * @return this builder
         */
        public Builder tryTimeout(Duration tryTimeout) {
            this.tryTimeout = Objects.requireNonNull(tryTimeout, "RetryOptions.tryTimeout");
            return this;
        }

        /**
         * Sets the bound on a whole call, all attempts and waits together (default: 60 s; 140 s for
         * IMDS). No retry starts that would end after it.
         *
         * @param totalTimeout a positive duration
         * @return this builder
         */
        public Builder totalTimeout(Duration totalTimeout) {
            this.totalTimeout = Objects.requireNonNull(totalTimeout, "RetryOptions.totalTimeout");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException naming the setting, if a value is out of range
         */
        public RetryOptions build() {
            if (maxRetries != null && maxRetries < 0) {
                throw new IllegalArgumentException("RetryOptions: maxRetries is " + maxRetries
                        + ". Set 0 or more (0 turns retries off).");
            }
            notNegative("baseDelay", baseDelay);
            notNegative("maxDelay", maxDelay);
            positive("tryTimeout", tryTimeout);
            positive("totalTimeout", totalTimeout);
            if (baseDelay != null && maxDelay != null && maxDelay.compareTo(baseDelay) < 0) {
                throw new IllegalArgumentException("RetryOptions: maxDelay (" + maxDelay + ") is shorter than baseDelay ("
                        + baseDelay + "). Set maxDelay to at least baseDelay.");
            }
            return new RetryOptions(this);
        }

        private static void notNegative(String name, Duration d) {
            if (d != null && d.isNegative()) {
                throw new IllegalArgumentException("RetryOptions: " + name + " is negative (" + d
                        + "). Set a duration of zero or more.");
            }
        }

        private static void positive(String name, Duration d) {
            if (d != null && (d.isNegative() || d.isZero())) {
                throw new IllegalArgumentException("RetryOptions: " + name + " is " + d + ". Set a positive duration.");
            }
        }
    }
}
