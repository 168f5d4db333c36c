package dev.azid.azure.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link AzureDeveloperCliCredential}, with the methods of
 * {@code com.azure.identity.AzureDeveloperCliCredentialBuilder}. Not thread-safe.
 */
public final class AzureDeveloperCliCredentialBuilder extends TenantCompatBuilder<AzureDeveloperCliCredentialBuilder> {

    private Duration processTimeout;

    /** Creates a builder with every default. */
    public AzureDeveloperCliCredentialBuilder() {
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
