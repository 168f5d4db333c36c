package dev.azid.azure.identity;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.FixedDelayOptions;
import com.azure.core.http.policy.RetryPolicy;
import dev.azid.CredentialOptions;
import dev.azid.RetryOptions;

/**
 * Maps a compatibility builder's retry settings. azure-core's {@code RetryOptions} with exponential or
 * fixed delays, {@code maxRetry} and {@code retryTimeout} become azid's {@link RetryOptions}, so azid's
 * own retries apply them to every endpoint. A {@code RetryPolicy}, and {@code RetryOptions} with a
 * {@code shouldRetryCondition}, decide retries by code azid cannot read: they run as that policy in an
 * azure-core pipeline (see {@link CompatTransports}), and azid's own retries are turned off so that
 * requests are not retried twice.
 */
final class CompatRetries {

    private CompatRetries() {
    }

    /**
     * The azure-core policy that retries in the pipeline, or {@code null} when azid retries.
     *
     * @param b the builder's settings
     * @return the policy
     */
    static RetryPolicy pipelinePolicy(CompatBuilder<?> b) {
        if (b.retryPolicy != null) {
            return b.retryPolicy;
        }
        if (b.retryOptions != null && b.retryOptions.getShouldRetryCondition() != null) {
            return new RetryPolicy(b.retryOptions);
        }
        return null;
    }

    /**
     * Sets the builder's retry settings on azid's options.
     *
     * @param name the builder's name, for messages
     * @param b the builder's settings
     * @param options azid's options being built
     * @throws IllegalStateException if both {@code retryPolicy} and {@code retryOptions} are set, as
     *     azure-core throws (azure-identity at the first token request, azid at build)
     * @throws IllegalArgumentException if {@code maxRetry} or {@code retryTimeout} is set together with
     *     a policy that decides retries itself
     */
    static void apply(String name, CompatBuilder<?> b, CredentialOptions.Builder options) {
        if (b.retryPolicy != null && b.retryOptions != null) {
            throw new IllegalStateException(name + ": 'retryPolicy' and 'retryOptions' cannot both be set. Set one of "
                    + "them.");
        }
        if (pipelinePolicy(b) != null) {
            if (b.maxRetry != null || b.retryTimeout != null) {
                throw new IllegalArgumentException(name + ": maxRetry(...) or retryTimeout(...) is set together with a "
                        + "retry policy that decides retries itself (retryPolicy(...), or retryOptions(...) with a "
                        + "shouldRetryCondition). Configure the retries in that policy and remove the other calls.");
            }
            options.maxRetry(0);
            return;
        }
        if (b.retryOptions == null && b.maxRetry == null && b.retryTimeout == null) {
            return;
        }
        RetryOptions.Builder r = b.retryOptions == null ? RetryOptions.builder() : of(b.retryOptions).toBuilder();
        if (b.maxRetry != null) {
            r.maxRetries(b.maxRetry);
        }
        if (b.retryTimeout != null) {
            r.retryDelay(b.retryTimeout);
        }
        options.retryOptions(r.build());
    }

    /** azure-core's delays as azid's; a value left unset keeps each endpoint's default (Entra ID's is azure-core's). */
    private static RetryOptions of(com.azure.core.http.policy.RetryOptions options) {
        FixedDelayOptions fixed = options.getFixedDelayOptions();
        if (fixed != null) {
            return RetryOptions.fixed(fixed.getMaxRetries(), fixed.getDelay());
        }
        ExponentialBackoffOptions e = options.getExponentialBackoffOptions();
        RetryOptions.Builder r = RetryOptions.builder();
        if (e.getMaxRetries() != null) {
            r.maxRetries(e.getMaxRetries());
        }
        if (e.getBaseDelay() != null) {
            r.baseDelay(e.getBaseDelay());
        }
        if (e.getMaxDelay() != null) {
            r.maxDelay(e.getMaxDelay());
        }
        return r.build();
    }
}
