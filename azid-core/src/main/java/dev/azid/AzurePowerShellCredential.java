package dev.azid;

import dev.azid.internal.devtools.AzurePowerShellClient;
import dev.azid.internal.devtools.DevToolFields;
import dev.azid.internal.process.ProcessRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

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
        private final DevToolFields fields = new DevToolFields(DEFAULT_PROCESS_TIMEOUT);
        private CredentialOptions options = CredentialOptions.defaults();

        private Builder() {
        }

        /**
         * Sets what this credential shares with every credential: environment ({@code PATH}),
         * executor, additionally allowed tenants (default
         * {@link CredentialOptions#defaults()}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(CredentialOptions options) {
            this.options = java.util.Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the tenant to get tokens from (default: the tool's signed-in tenant).
         *
         * @param tenantId a tenant id or domain
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            fields.tenantId(tenantId);
            return this;
        }

        /**
         * Sets the most time one run of the tool may take (default 20 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder processTimeout(Duration timeout) {
            fields.processTimeout(timeout);
            return this;
        }

        Builder processRunner(ProcessRunner runner) {
            fields.runner(runner);
            return this;
        }

        Builder localZone(ZoneId zone) {
            fields.localZone(zone);
            return this;
        }

        Builder osName(String osName) {
            fields.osName(osName);
            return this;
        }

        /**
         * Builds the credential. Runs nothing.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public AzurePowerShellCredential build() {
            return new AzurePowerShellCredential(new AzurePowerShellClient(NAME, fields.build(NAME, options.settings())));
        }
    }
}
