package dev.azid;

import dev.azid.internal.credential.DefaultChain;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The credential for code that runs on a laptop, in CI and in Azure alike. Tries, in order:
 * {@link EnvironmentCredential}, {@link WorkloadIdentityCredential}, {@link ManagedIdentityCredential}
 * (after a fast IMDS probe, default 1 s, so a laptop moves on at once), {@link AzureCliCredential},
 * {@link AzurePowerShellCredential}, {@link AzureDeveloperCliCredential}, and, only when asked for with
 * {@link Builder#includeInteractiveBrowserCredential()}, {@link InteractiveBrowserCredential}.
 *
 * <p>Chain rules: an unavailable credential is skipped; one that fails stops the chain (a
 * configured credential that is refused is not silently replaced by another identity); the first
 * that returns a token is used alone afterwards, and {@link #selectedCredential()} names it. When
 * none works, the {@link CredentialUnavailableException} lists every attempt on its own line with
 * what to do. {@code AZURE_TOKEN_CREDENTIALS} narrows the chain: {@code dev} (developer tools only),
 * {@code prod} (environment, workload and managed identity only), or one credential's name; any
 * other value makes {@link Builder#build()} throw. Thread-safe; building performs no I/O.
 */
public final class DefaultAzureCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "DefaultAzureCredential";

    /** The credentials of the chain, in order. */
    public enum Kind {
        /** {@link EnvironmentCredential}. */
        ENVIRONMENT(EnvironmentCredential.NAME),
        /** {@link WorkloadIdentityCredential}. */
        WORKLOAD_IDENTITY(WorkloadIdentityCredential.NAME),
        /** {@link ManagedIdentityCredential}. */
        MANAGED_IDENTITY(ManagedIdentityCredential.NAME),
        /** {@link AzureCliCredential}. */
        AZURE_CLI(AzureCliCredential.NAME),
        /** {@link AzurePowerShellCredential}. */
        AZURE_POWERSHELL(AzurePowerShellCredential.NAME),
        /** {@link AzureDeveloperCliCredential}. */
        AZURE_DEVELOPER_CLI(AzureDeveloperCliCredential.NAME),
        /** {@link InteractiveBrowserCredential}: only with {@link Builder#includeInteractiveBrowserCredential()}. */
        INTERACTIVE_BROWSER(InteractiveBrowserCredential.NAME);

        private final String credentialName;

        Kind(String credentialName) {
            this.credentialName = credentialName;
        }

        /** @return the credential class's name, e.g. {@code AzureCliCredential} */
        public String credentialName() {
            return credentialName;
        }
    }

    private final ChainedTokenCredential chain;
    private final List<Kind> kinds;

    DefaultAzureCredential(ChainedTokenCredential chain, List<Kind> kinds) {
        this.chain = chain;
        this.kinds = List.copyOf(kinds);
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
        return chain.getToken(request);
    }

    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return chain.getTokenAsync(request);
    }

    /**
     * The credential that returned the first token, once one has.
     *
     * @return the credential, or empty before the first success
     */
    public Optional<TokenCredential> selectedCredential() {
        return chain.selectedCredential();
    }

    /**
     * The credentials tried, in order (after exclusions and {@code AZURE_TOKEN_CREDENTIALS}).
     *
     * @return the credentials
     */
    public List<TokenCredential> credentials() {
        return chain.credentials();
    }

    /**
     * Which kinds are in the chain, in order.
     *
     * @return the kinds
     */
    public List<Kind> kinds() {
        return kinds;
    }

    @Override
    public String toString() {
        return NAME + kinds;
    }

    /** Builds a {@link DefaultAzureCredential}. Not thread-safe. */
    public static final class Builder {
        private final Set<Kind> excluded = EnumSet.of(Kind.INTERACTIVE_BROWSER);
        // Package-private: DefaultChainMembers reads them.
        CredentialOptions options = CredentialOptions.defaults();
        String managedIdentityClientId;
        String workloadIdentityClientId;
        String tenantId;
        Duration processTimeout;
        Duration probeTimeout = Duration.ofSeconds(1);
        java.util.function.Consumer<java.net.URI> browser;

        private Builder() {
        }

        /**
         * Sets what every credential of the chain shares: authority host or cloud, HTTP transport,
         * executor, environment, additionally allowed tenants (default
         * {@link CredentialOptions#defaults()}). The same value is handed to each credential unchanged.
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(CredentialOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Leaves a credential out of the chain.
         *
         * @param kind the credential
         * @return this builder
         */
        public Builder exclude(Kind kind) {
            excluded.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /**
         * Adds {@link InteractiveBrowserCredential} at the end of the chain (off by default: a
         * service should never open a browser).
         *
         * @return this builder
         */
        public Builder includeInteractiveBrowserCredential() {
            excluded.remove(Kind.INTERACTIVE_BROWSER);
            return this;
        }

        /**
         * Sets how the interactive browser credential opens the sign-in page (default: the system browser).
         *
         * @param browser receives the authorize URL
         * @return this builder
         */
        public Builder browser(java.util.function.Consumer<java.net.URI> browser) {
            this.browser = Objects.requireNonNull(browser, "browser");
            return this;
        }

        /**
         * Sets the user-assigned managed identity's client id (default {@code AZURE_CLIENT_ID}).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder managedIdentityClientId(String clientId) {
            this.managedIdentityClientId = clientId;
            return this;
        }

        /**
         * Sets the workload identity's client id (default {@code AZURE_CLIENT_ID}).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder workloadIdentityClientId(String clientId) {
            this.workloadIdentityClientId = clientId;
            return this;
        }

        /**
         * Sets the tenant for workload identity and the developer tools.
         *
         * @param tenantId the tenant
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Sets the most time one developer-tool run may take (default 20 s).
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder processTimeout(Duration timeout) {
            this.processTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Sets how long the IMDS availability probe waits (default 1 s): the bound on how long a
         * chain on a host whose IMDS address is silent takes to move on.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder imdsProbeTimeout(Duration timeout) {
            this.probeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Builds the chain. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException if {@code AZURE_TOKEN_CREDENTIALS} has an unknown value,
         *     or exclusions leave nothing to try
         */
        public DefaultAzureCredential build() {
            List<Kind> kinds = DefaultChain.kinds(NAME, excluded, options.environment());
            return new DefaultAzureCredential(DefaultChainMembers.chain(NAME, kinds, this), kinds);
        }
    }
}
