package dev.azid;

import dev.azid.internal.devtools.AzurePowerShellClient;
import dev.azid.internal.devtools.DevToolOptions;
import dev.azid.internal.process.ProcessRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Gets tokens from Azure PowerShell's signed-in account ({@code Connect-AzAccount}): runs
 * {@code pwsh -NoProfile -NonInteractive -EncodedCommand <script>} (then {@code powershell} on
 * Windows), whose script calls {@code Get-AzAccessToken}; requires Az.Accounts 2.2.0 or later and
 * reads the SecureString token of newer versions. Argument list only, {@code pwsh} resolved in the
 * absolute directories of {@code PATH}, timeout default 20 s; the scope's resource and the tenant
 * are checked against safe character sets (a leading {@code -} is refused) and embedded in the
 * script as quoted literals.
 *
 * <p>Unavailable when PowerShell or the Az module is missing, not signed in, or too slow; failed
 * when it runs and reports another error. Thread-safe.
 */
public final class AzurePowerShellCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzurePowerShellCredential";

    /** The default time one run of the tool may take. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = Duration.ofSeconds(20);

    private final TokenCredential client;

    private AzurePowerShellCredential(TokenCredential client) {
        this.client = client;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccessToken getToken(TokenRequestContext request) {
        return client.getToken(request);
    }

    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return client.getTokenAsync(request);
    }

    @Override
    public String toString() {
        return client.toString();
    }

    /** Builds a {@link AzurePowerShellCredential}. Not thread-safe. */
    public static final class Builder {
        private final DevToolOptions options = new DevToolOptions(DEFAULT_PROCESS_TIMEOUT);

        private Builder() {
        }

        /**
         * Sets the tenant to get tokens from (default: the tool's signed-in tenant).
         *
         * @param tenantId a tenant id or domain
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            options.tenantId(tenantId);
            return this;
        }

        /**
         * Allows tokens for these tenants too, when a tenant is configured; {@code *} allows any.
         *
         * @param tenants tenant ids or domains
         * @return this builder
         */
        public Builder additionallyAllowedTenants(String... tenants) {
            options.additionallyAllowedTenants(tenants);
            return this;
        }

        /**
         * Sets the most time one run of the tool may take (default 20 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder processTimeout(Duration timeout) {
            options.processTimeout(timeout);
            return this;
        }

        /**
         * Sets where {@code PATH} is read (default: the process environment).
         *
         * @param environment the environment
         * @return this builder
         */
        public Builder environment(Environment environment) {
            options.environment(environment);
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync}.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            options.executor(executor);
            return this;
        }

        Builder processRunner(ProcessRunner runner) {
            options.runner(runner);
            return this;
        }

        Builder clock(Clock clock, ZoneId zone) {
            options.clock(clock, zone);
            return this;
        }

        Builder osName(String osName) {
            options.osName(osName);
            return this;
        }

        /**
         * Builds the credential. Runs nothing.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public AzurePowerShellCredential build() {
            return new AzurePowerShellCredential(new AzurePowerShellClient(NAME, options.build(NAME)));
        }
    }
}
