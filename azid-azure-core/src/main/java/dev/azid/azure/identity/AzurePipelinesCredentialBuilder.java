package dev.azid.azure.identity;

/**
 * Builds an {@link AzurePipelinesCredential}, with the methods of
 * {@code com.azure.identity.AzurePipelinesCredentialBuilder}: the OIDC request URL comes from
 * {@code SYSTEM_OIDCREQUESTURI}, which Azure Pipelines sets. Not thread-safe.
 */
public final class AzurePipelinesCredentialBuilder extends EntraCompatBuilder<AzurePipelinesCredentialBuilder> {

    private String serviceConnectionId;
    private String systemAccessToken;

    /** Creates a builder with every default. */
    public AzurePipelinesCredentialBuilder() {
    }

    /**
     * Sets the service connection's id (required).
     *
     * @param serviceConnectionId the id
     * @return this builder
     */
    public AzurePipelinesCredentialBuilder serviceConnectionId(String serviceConnectionId) {
        this.serviceConnectionId = serviceConnectionId;
        return this;
    }

    /**
     * Sets the job's {@code System.AccessToken} (required).
     *
     * @param systemAccessToken the token
     * @return this builder
     */
    public AzurePipelinesCredentialBuilder systemAccessToken(String systemAccessToken) {
        this.systemAccessToken = systemAccessToken;
        return this;
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing setting
     */
    public AzurePipelinesCredential build() {
        dev.azid.AzurePipelinesCredential.Builder b = dev.azid.AzurePipelinesCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        return new AzurePipelinesCredential(b.serviceConnectionId(serviceConnectionId).systemAccessToken(systemAccessToken)
                .build());
    }
}
