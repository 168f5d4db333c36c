package dev.azid;

import dev.azid.internal.credential.DefaultChain;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The credential for code that runs on a laptop, in CI and in Azure alike. Tries, in azure-identity's
 * order, the credentials of {@link Kind}: environment, workload identity, managed identity (after a
 * fast IMDS probe, default 1 s, so a laptop moves on at once), IntelliJ and Visual Studio Code
 * (always unavailable in azid; their line says what to use instead), Azure CLI, Azure PowerShell,
 * Azure Developer CLI, and, only with {@link Builder#includeInteractiveBrowserCredential()}, the browser.
 *
 * <p>Chain rules: an unavailable credential is skipped; one that fails stops the chain (a refused
 * configured identity is not silently replaced by another), except a developer tool, which here is
 * unavailable when it runs and fails (not signed in, an error, a timeout), as in azure-identity; the
 * first that returns a token is used alone afterwards ({@link #selectedCredential()}). When none
 * works, the {@link CredentialUnavailableException} lists every attempt on its own line.
 * {@code AZURE_TOKEN_CREDENTIALS} (trimmed, any case) narrows the chain: {@code dev}, {@code prod}
 * (environment, workload and managed identity), or one credential's class name such as
 * {@code AzureCliCredential}, even an always unavailable one; any other value makes
 * {@link Builder#build()} throw. Thread-safe; building performs no I/O.
 */
public final class DefaultAzureCredential extends DelegatingCredential {

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
        /** {@link IntelliJCredential} (always unavailable in azid). */
        INTELLIJ(IntelliJCredential.NAME),
        /** {@link VisualStudioCodeCredential} (always unavailable in azid). */
        VISUAL_STUDIO_CODE(VisualStudioCodeCredential.NAME),
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
        super(chain);
        this.chain = chain;
        this.kinds = List.copyOf(kinds);
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the credential that returned the first token, or empty before the first success */
    public Optional<TokenCredential> selectedCredential() {
        return chain.selectedCredential();
    }

    /** @return the credentials tried, in order (after exclusions and {@code AZURE_TOKEN_CREDENTIALS}) */
    public List<TokenCredential> credentials() {
        return chain.credentials();
    }

    /** @return which kinds are in the chain, in order */
    public List<Kind> kinds() {
        return kinds;
    }

    @Override
    public String toString() {
        return NAME + kinds;
    }

    /**
     * Builds a {@link DefaultAzureCredential}. Not thread-safe. The {@code options} are handed to each
     * credential of the chain unchanged; the {@code tenantId} and {@code processTimeout} to those they
     * apply to.
     */
    public static final class Builder extends DeveloperToolBuilder<Builder> {
        private final DefaultChainMembers members = new DefaultChainMembers();

        private Builder() {
        }

        /**
         * Leaves a credential out of the chain.
         *
         * @param kind the credential
         * @return this builder
         */
        public Builder exclude(Kind kind) {
            members.excluded.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /**
         * Adds {@link InteractiveBrowserCredential} at the end of the chain (off by default: a
         * service should never open a browser).
         *
         * @return this builder
         */
        public Builder includeInteractiveBrowserCredential() {
            members.excluded.remove(Kind.INTERACTIVE_BROWSER);
            return this;
        }

        /**
         * Sets how the interactive browser credential opens the sign-in page (default: the system browser).
         *
         * @param browser receives the authorize URL
         * @return this builder
         */
        public Builder browser(Consumer<URI> browser) {
            members.browser = Objects.requireNonNull(browser, "browser");
            return this;
        }

        /**
         * Sets the user-assigned managed identity's client id (default {@code AZURE_CLIENT_ID}).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder managedIdentityClientId(String clientId) {
            members.managedIdentityClientId = clientId;
            return this;
        }

        /**
         * Sets the user-assigned managed identity's resource id instead of its client id (then
         * {@code AZURE_CLIENT_ID} is not used for managed identity). Set at most one of the two.
         *
         * @param resourceId e.g. {@code /subscriptions/.../userAssignedIdentities/name}
         * @return this builder
         */
        public Builder managedIdentityResourceId(String resourceId) {
            members.managedIdentityResourceId = resourceId;
            return this;
        }

        /**
         * Sets every member's authority host, as {@link CredentialOptions.Builder#authorityHost} does, over
         * the options' host or cloud (default: the options', else {@code AZURE_AUTHORITY_HOST}, else public).
         *
         * @param authorityHost for example {@code https://login.microsoftonline.us}
         * @return this builder
         */
        public Builder authorityHost(String authorityHost) {
            members.authorityHost = Objects.requireNonNull(authorityHost, "authorityHost");
            return this;
        }

        /**
         * Requires variables (system properties or environment variables, see {@link Environment#system()}):
         * {@link #build()} throws naming every one unset or empty, so a deployment fails at start-up.
         *
         * @param envVars the variables, for example {@link AzureIdentityEnvVars#AZURE_CLIENT_ID}
         * @return this builder
         * @throws IllegalArgumentException if an element is {@code null}, naming its index
         */
        public Builder requireEnvVars(AzureIdentityEnvVars... envVars) {
            members.requiredEnvVars = DefaultChain.variableNames(NAME, envVars);
            return this;
        }

        /**
         * Accepted for compatibility; does nothing: azid never performs instance discovery (never
         * asks the public cloud to validate an authority host), and uses any host as given.
         *
         * @return this builder
         */
        public Builder disableInstanceDiscovery() {
            return this;
        }

        /**
         * Sets the workload identity's client id (default {@code AZURE_CLIENT_ID}).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder workloadIdentityClientId(String clientId) {
            members.workloadIdentityClientId = clientId;
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
            members.probeTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Builds the chain. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException if a variable given to {@link #requireEnvVars} is unset,
         *     {@code AZURE_TOKEN_CREDENTIALS} has an unknown value, both managed identity ids are
         *     set, a setting (or {@code AZURE_TENANT_ID}) is invalid, or exclusions leave nothing to try
         */
        public DefaultAzureCredential build() {
            return members.build(NAME, this);
        }
    }
}
