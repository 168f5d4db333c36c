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
     * Not supported yet: azid does not route token requests through the AKS identity binding proxy
     * ({@code AZURE_KUBERNETES_TOKEN_PROXY}).
     *
     * @return never
     * @throws UnsupportedOperationException always
     */
    public WorkloadIdentityCredentialBuilder enableAzureProxy() {
        throw Unsupported.feature(builderName(), "enableAzureProxy()", "Remove the call to send token requests to "
                + "Entra ID directly, which workload identity without identity binding does.");
    }

    /**
     * Builds the credential. Reads variables, not the file; a missing variable makes the credential
     * unavailable when asked for a token.
     *
     * @return the credential
     */
    public WorkloadIdentityCredential build() {
        dev.azid.WorkloadIdentityCredential.Builder b = dev.azid.WorkloadIdentityCredential.builder().options(options())
                .tenantId(tenantId).clientId(clientId);
        if (tokenFilePath != null) {
            b.tokenFilePath(Path.of(tokenFilePath));
        }
        return new WorkloadIdentityCredential(b.build());
    }
}
