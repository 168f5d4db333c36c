package dev.azid.azure.identity;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@link AzureDeveloperCliCredential}, with the methods of
 * {@code com.azure.identity.AzureDeveloperCliCredentialBuilder}. Not thread-safe.
 */
public final class AzureDeveloperCliCredentialBuilder extends CompatBuilder<AzureDeveloperCliCredentialBuilder> {

    private Duration processTimeout;

    /** Creates a builder with every default. */
    public AzureDeveloperCliCredentialBuilder() {
    }

    /**
     * Sets the tenant to ask the tool for tokens of (default: the tool's signed-in tenant).
     *
     * @param tenantId the tenant
     * @return this builder
     */
    public AzureDeveloperCliCredentialBuilder tenantId(String tenantId) {
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
    public AzureDeveloperCliCredentialBuilder additionallyAllowedTenants(String... additionallyAllowedTenants) {
        return additionallyAllowedTenants(Arrays.asList(additionallyAllowedTenants));
    }

    /**
     * Allows tokens for these tenants too, when a request names them; {@code *} allows any. Replaces
     * the tenants set before.
     *
     * @param additionallyAllowedTenants tenant ids or domains
     * @return this builder
     */
    public AzureDeveloperCliCredentialBuilder additionallyAllowedTenants(List<String> additionallyAllowedTenants) {
        allowedTenants.clear();
        allowedTenants.addAll(additionallyAllowedTenants);
        return this;
    }

    /**
     * Sets the most time one run of the tool may take (default 20 s).
     *
     * @param processTimeout a positive duration
     * @return this builder
     */
    public AzureDeveloperCliCredentialBuilder processTimeout(Duration processTimeout) {
        this.processTimeout = Objects.requireNonNull(processTimeout, "processTimeout");
        return this;
    }

    /**
     * Builds the credential. Runs nothing.
     *
     * @return the credential
     * @throws IllegalArgumentException naming an invalid setting
     */
    public AzureDeveloperCliCredential build() {
        dev.azid.AzureDeveloperCliCredential.Builder b = dev.azid.AzureDeveloperCliCredential.builder().options(options()).tenantId(tenantId);
        if (processTimeout != null) {
            b.processTimeout(processTimeout);
        }
        return new AzureDeveloperCliCredential(b.build());
    }
}
