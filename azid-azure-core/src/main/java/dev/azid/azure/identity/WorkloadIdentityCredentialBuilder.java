package dev.azid.azure.identity;

import java.nio.file.Path;

/**
 * Builds a {@link WorkloadIdentityCredential}, with the methods of
 * {@code com.azure.identity.WorkloadIdentityCredentialBuilder}: tenant, client id and token file
 * default to {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID} and {@code AZURE_FEDERATED_TOKEN_FILE},
 * as the AKS workload identity webhook sets them. Not thread-safe.
 */
public final class WorkloadIdentityCredentialBuilder extends EntraCompatBuilder<WorkloadIdentityCredentialBuilder> {

    private String tokenFilePath;
    private boolean azureProxy;

    /** Creates a builder configured by the environment. */
    public WorkloadIdentityCredentialBuilder() {
    }

    /**
     * Sets the file holding the service account token (default {@code AZURE_FEDERATED_TOKEN_FILE}).
     *
     * @param tokenFilePath the file's path
     * @return this builder
     */
    public WorkloadIdentityCredentialBuilder tokenFilePath(String tokenFilePath) {
        this.tokenFilePath = tokenFilePath;
        return this;
    }

    /**
     * Sends the token requests through the AKS identity binding proxy when
     * {@code AZURE_KUBERNETES_TOKEN_PROXY} is set (with {@code AZURE_KUBERNETES_CA_FILE} or
     * {@code AZURE_KUBERNETES_CA_DATA}, and {@code AZURE_KUBERNETES_SNI_NAME}), read from
     * {@link #configuration the configuration}, as {@code dev.azid.WorkloadIdentityCredential.Builder.enableAzureProxy()}
     * does; without that variable, requests go to Entra ID directly. With an azure-core HTTP client or
     * pipeline set, requests go through it to the proxy, and TLS is its business (the CA variables then
     * do not apply).
     *
     * @return this builder
     */
    public WorkloadIdentityCredentialBuilder enableAzureProxy() {
        this.azureProxy = true;
        return this;
    }

    /**
     * Builds the credential. Reads variables, not the file; a missing variable makes the credential
     * unavailable when asked for a token.
     *
     * @return the credential
     */
    public WorkloadIdentityCredential build() {
        dev.azid.WorkloadIdentityCredential.Builder b = dev.azid.WorkloadIdentityCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        if (tokenFilePath != null) {
            b.tokenFilePath(Path.of(tokenFilePath));
        }
        if (azureProxy) {
            b.enableAzureProxy();
        }
        return new WorkloadIdentityCredential(b.build());
    }
}
