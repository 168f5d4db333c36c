package dev.azid.azure.identity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Builds a {@link DefaultAzureCredential}, with the methods of
 * {@code com.azure.identity.DefaultAzureCredentialBuilder}: azid's default chain, configured by the
 * environment ({@code AZURE_TOKEN_CREDENTIALS} included) as read through
 * {@link #configuration the configuration}. Not thread-safe.
 *
 * <pre>{@code
 * DefaultAzureCredential credential = new DefaultAzureCredentialBuilder().build();
 * }</pre>
 */
public final class DefaultAzureCredentialBuilder extends CompatBuilder<DefaultAzureCredentialBuilder> {

    private String managedIdentityClientId;
    private String managedIdentityResourceId;
    private String workloadIdentityClientId;
    private Duration processTimeout;
    private final List<AzureIdentityEnvVars> required = new ArrayList<>();

    /** Creates a builder configured by the environment. */
    public DefaultAzureCredentialBuilder() {
    }

    /**
     * Sets the tenant for workload identity and the developer tools (default {@code AZURE_TENANT_ID}).
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public DefaultAzureCredentialBuilder tenantId(String tenantId) {
        this.tenantId = tenantId;
        return this;
    }

    /**
     * Sets the Entra ID authority host of every credential of the chain (default:
     * {@code AZURE_AUTHORITY_HOST}, else the public cloud's).
     *
     * @param authorityHost the host URL
     * @return this builder
     */
    public DefaultAzureCredentialBuilder authorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
        return this;
    }

    /**
     * Not supported: azid does not read the Azure Toolkit for IntelliJ's KeePass database (azure-identity
     * deprecated this setting).
     *
     * @param databasePath ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public DefaultAzureCredentialBuilder intelliJKeePassDatabasePath(String databasePath) {
        throw Unsupported.feature(builderName(), "intelliJKeePassDatabasePath(String)", "In IntelliJ's terminal, sign "
                + "in with the Azure CLI ('az login'); the chain's AzureCliCredential then answers. Remove the call.");
    }

    /**
     * Sets the user-assigned managed identity's client id (default {@code AZURE_CLIENT_ID}).
     *
     * @param clientId the client id
     * @return this builder
     */
    public DefaultAzureCredentialBuilder managedIdentityClientId(String clientId) {
        this.managedIdentityClientId = clientId;
        return this;
    }

    /**
     * Sets the workload identity's client id (default {@code AZURE_CLIENT_ID}).
     *
     * @param clientId the client id
     * @return this builder
     */
    public DefaultAzureCredentialBuilder workloadIdentityClientId(String clientId) {
        this.workloadIdentityClientId = clientId;
        return this;
    }

    /**
     * Sets the user-assigned managed identity's ARM resource id instead of its client id (then
     * {@code AZURE_CLIENT_ID} is not used for managed identity). Not together with
     * {@link #managedIdentityClientId}.
     *
     * @param resourceId e.g. {@code /subscriptions/.../userAssignedIdentities/name}
     * @return this builder
     */
    public DefaultAzureCredentialBuilder managedIdentityResourceId(String resourceId) {
        this.managedIdentityResourceId = resourceId;
        return this;
    }

    /**
     * Runs the reactive {@code getToken} and background refreshes on this executor (default: azid's
     * shared daemon pool). azid does not shut it down.
     *
     * @param executorService the executor
     * @return this builder
     */
    public DefaultAzureCredentialBuilder executorService(ExecutorService executorService) {
        this.executor = Objects.requireNonNull(executorService, "executorService");
        return this;
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any (default
     * {@code AZURE_ADDITIONALLY_ALLOWED_TENANTS}). Replaces the tenants set before.
     *
     * @param additionallyAllowedTenants tenant ids or domains
     * @return this builder
     */
    public DefaultAzureCredentialBuilder additionallyAllowedTenants(String... additionallyAllowedTenants) {
        return additionallyAllowedTenants(Arrays.asList(additionallyAllowedTenants));
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any. Replaces
     * the tenants set before.
     *
     * @param additionallyAllowedTenants tenant ids or domains
     * @return this builder
     */
    public DefaultAzureCredentialBuilder additionallyAllowedTenants(List<String> additionallyAllowedTenants) {
        allowedTenants.clear();
        allowedTenants.addAll(additionallyAllowedTenants);
        return this;
    }

    /**
     * Sets the most time one developer-tool run may take (default 20 s).
     *
     * @param credentialProcessTimeout a positive duration
     * @return this builder
     */
    public DefaultAzureCredentialBuilder credentialProcessTimeout(Duration credentialProcessTimeout) {
        this.processTimeout = Objects.requireNonNull(credentialProcessTimeout, "credentialProcessTimeout");
        return this;
    }

    /**
     * Accepted, and changes nothing: azid performs no instance discovery, so it never calls the public
     * cloud to validate an authority.
     *
     * @return this builder
     */
    public DefaultAzureCredentialBuilder disableInstanceDiscovery() {
        return this;
    }

    /**
     * Makes {@link #build()} fail unless these variables are set, so that a misconfigured deployment
     * fails at start-up rather than at its first token request.
     *
     * @param envVars the variables
     * @return this builder
     */
    public DefaultAzureCredentialBuilder requireEnvVars(AzureIdentityEnvVars... envVars) {
        Objects.requireNonNull(envVars, "envVars");
        for (int i = 0; i < envVars.length; i++) {
            if (envVars[i] == null) {
                throw new IllegalArgumentException(builderName() + ": requireEnvVars element " + i + " is null. Pass "
                        + "AzureIdentityEnvVars constants only.");
            }
        }
        required.addAll(Arrays.asList(envVars));
        return this;
    }

    /**
     * Builds the chain. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalStateException if a variable of {@link #requireEnvVars} is not set, or both
     *     managed identity ids are set, as azure-identity throws
     * @throws IllegalArgumentException if {@code AZURE_TOKEN_CREDENTIALS} has an unknown value
     */
    public DefaultAzureCredential build() {
        if (managedIdentityClientId != null && managedIdentityResourceId != null) {
            throw new IllegalStateException("DefaultAzureCredential: managedIdentityClientId and "
                    + "managedIdentityResourceId are both set. Set at most one of them.");
        }
        List<String> missing = required.stream().map(AzureIdentityEnvVars::toString).distinct()
                .filter(name -> environment().get(name).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("DefaultAzureCredential: required environment "
                    + (missing.size() == 1 ? "variable is" : "variables are") + " missing: " + String.join(", ", missing)
                    + ". Set " + (missing.size() == 1 ? "it" : "them") + " before creating the DefaultAzureCredential.");
        }
        dev.azid.DefaultAzureCredential.Builder b = dev.azid.DefaultAzureCredential.builder().options(options())
                .managedIdentityClientId(managedIdentityClientId).managedIdentityResourceId(managedIdentityResourceId)
                .workloadIdentityClientId(workloadIdentityClientId)
                .tenantId(tenantId);
        if (processTimeout != null) {
            b.processTimeout(processTimeout);
        }
        return new DefaultAzureCredential(b.build());
    }
}
