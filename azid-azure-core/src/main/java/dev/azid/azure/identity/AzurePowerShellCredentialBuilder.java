package dev.azid.azure.identity;


/**
 * Builds an {@link AzurePowerShellCredential}, with the methods of
 * {@code com.azure.identity.AzurePowerShellCredentialBuilder}. Not thread-safe.
 */
public final class AzurePowerShellCredentialBuilder extends TenantCompatBuilder<AzurePowerShellCredentialBuilder> {

    /** Creates a builder with every default. */
    public AzurePowerShellCredentialBuilder() {
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
