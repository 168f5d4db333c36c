package dev.azid;

import dev.azid.internal.devtools.AzureDeveloperCliClient;
import dev.azid.internal.devtools.DevToolFields;
import dev.azid.internal.process.ProcessRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

/**
 * Gets tokens from the Azure Developer CLI's signed-in account: runs
 * {@code azd auth token --output json --no-prompt --scope=S... [--tenant-id=T]} from an argument
 * list (never a shell), with {@code azd} resolved in the absolute directories of {@code PATH}, and
 * a timeout (default 20 s) after which the process tree is killed. Scopes and tenants are checked
 * against safe character sets, and one starting with {@code -} (which the tool could read as an
 * option) is refused with {@link IllegalArgumentException}.
 *
 * <p>Unavailable when {@code azd} is not installed, not signed in ({@code azd auth login}), or too
 * slow; failed when it runs and reports another error. Thread-safe.
 */
public final class AzureDeveloperCliCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzureDeveloperCliCredential";

    /** The default time one run of the tool may take. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = Duration.ofSeconds(20);

    private final TokenCredential client;

    private AzureDeveloperCliCredential(TokenCredential client) {
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

    /** Builds a {@link AzureDeveloperCliCredential}. Not thread-safe. */
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
        public AzureDeveloperCliCredential build() {
            return new AzureDeveloperCliCredential(new AzureDeveloperCliClient(NAME, fields.build(NAME, options.settings())));
        }
    }
}
