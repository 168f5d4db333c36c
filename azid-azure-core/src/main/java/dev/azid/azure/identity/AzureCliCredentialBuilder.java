package dev.azid.azure.identity;

import java.time.Duration;
import java.util.Objects;

/**
 * Builds an {@link AzureCliCredential}, with the methods of
 * {@code com.azure.identity.AzureCliCredentialBuilder}. Not thread-safe.
 */
public final class AzureCliCredentialBuilder extends TenantCompatBuilder<AzureCliCredentialBuilder> {

    private Duration processTimeout;
    private String subscription;

    /** Creates a builder with every default. */
    public AzureCliCredentialBuilder() {
    }

    /**
     * Sets the most time one run of the tool may take (default 20 s).
     *
     * @param processTimeout a positive duration
     * @return this builder
     */
    public AzureCliCredentialBuilder processTimeout(Duration processTimeout) {
        this.processTimeout = Objects.requireNonNull(processTimeout, "processTimeout");
        return this;
    }

    /**
     * Sets the subscription (name or id) whose tenant the CLI uses, when no tenant is set.
     *
     * @param subscription the subscription
     * @return this builder
     */
    public AzureCliCredentialBuilder subscription(String subscription) {
        this.subscription = subscription;
        return this;
    }

    /**
     * Builds the credential. Runs nothing.
     *
     * @return the credential
     * @throws IllegalArgumentException naming an invalid setting
     */
    public AzureCliCredential build() {
        dev.azid.AzureCliCredential.Builder b = dev.azid.AzureCliCredential.builder().options(options()).tenantId(tenantId);
        if (processTimeout != null) {
            b.processTimeout(processTimeout);
        }
        if (subscription != null) {
            b.subscription(subscription);
        }
        return new AzureCliCredential(b.build());
    }
}
