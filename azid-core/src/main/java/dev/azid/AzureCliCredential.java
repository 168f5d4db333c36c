package dev.azid;

import dev.azid.internal.devtools.AzureCliClient;
import dev.azid.internal.devtools.DevToolFields;
import dev.azid.internal.process.ProcessRunner;
import java.time.Duration;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;

/**
 * Gets tokens from the Azure CLI's signed-in account: runs
 * {@code az account get-access-token --output json --scope=S [--tenant=T] [--subscription=X]} from
 * an argument list (never a shell), with {@code az} resolved in the absolute directories of
 * {@code PATH} (relative entries such as {@code .} are ignored), standard input closed, a timeout
 * (default 20 s) after which the process tree is killed, and the scope, tenant and subscription
 * checked against safe character sets first; a value starting with {@code -}, which the tool could
 * read as an option, is refused ({@code build()} or {@code getToken} throws
 * {@link IllegalArgumentException}).
 *
 * <p>Unavailable when {@code az} is not installed, not signed in, or too slow; failed when it runs
 * and reports another error. Tokens are cached like every credential's. Thread-safe.
 */
public final class AzureCliCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzureCliCredential";

    /** The default time one run of the tool may take. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = Duration.ofSeconds(20);

    private final TokenCredential client;

    private AzureCliCredential(TokenCredential client) {
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

    /** Builds a {@link AzureCliCredential}. Not thread-safe. */
    public static final class Builder {
        private final DevToolFields fields = new DevToolFields(DEFAULT_PROCESS_TIMEOUT);
        private CredentialOptions options = CredentialOptions.defaults();
        private String subscription;

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

        /**
         * Sets the subscription whose tenant is used (default: the CLI's current subscription).
         *
         * @param subscription a subscription id or name
         * @return this builder
         */
        public Builder subscription(String subscription) {
            this.subscription = subscription;
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
        public AzureCliCredential build() {
            return new AzureCliCredential(new AzureCliClient(NAME, fields.build(NAME, options.settings()), subscription));
        }
    }
}
