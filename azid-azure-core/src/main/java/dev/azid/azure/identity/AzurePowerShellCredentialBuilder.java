package dev.azid.azure.identity;

import java.util.Arrays;
import java.util.List;

/**
 * Builds an {@link AzurePowerShellCredential}, with the methods of
 * {@code com.azure.identity.AzurePowerShellCredentialBuilder}. Not thread-safe.
 */
public final class AzurePowerShellCredentialBuilder extends CompatBuilder<AzurePowerShellCredentialBuilder> {

    /** Creates a builder with every default. */
    public AzurePowerShellCredentialBuilder() {
    }

    /**
     * Sets the tenant to ask the tool for tokens of (default: the tool's signed-in tenant).
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public AzurePowerShellCredentialBuilder tenantId(String tenantId) {
        this.tenantId = tenantId;
        return this;
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any. Replaces
     * the tenants set before.
     *
     * @param additionallyAllowedTenants tenant ids or domains
     * @return this builder
     */
    public AzurePowerShellCredentialBuilder additionallyAllowedTenants(String... additionallyAllowedTenants) {
        return additionallyAllowedTenants(Arrays.asList(additionallyAllowedTenants));
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any. Replaces
     * the tenants set before.
     *
     * @param additionallyAllowedTenants tenant ids or domains
     * @return this builder
     */
    public AzurePowerShellCredentialBuilder additionallyAllowedTenants(List<String> additionallyAllowedTenants) {
        allowedTenants.clear();
        allowedTenants.addAll(additionallyAllowedTenants);
        return this;
    }

    /**
     * Builds the credential. Runs nothing.
     *
     * @return the credential
     * @throws IllegalArgumentException naming an invalid setting
     */
    public AzurePowerShellCredential build() {
        dev.azid.AzurePowerShellCredential.Builder b = dev.azid.AzurePowerShellCredential.builder().options(options()).tenantId(tenantId);
        return new AzurePowerShellCredential(b.build());
    }
}
