package dev.azid.azure.identity;

/**
 * Authenticates as the managed identity of the Azure host (App Service, Functions, Container Apps,
 * VMs, Arc, Service Fabric, Cloud Shell, Azure ML). An azure-core {@code TokenCredential} with the
 * name and behaviour of {@code com.azure.identity.ManagedIdentityCredential}, backed by
 * {@code dev.azid.ManagedIdentityCredential}. Built by {@link ManagedIdentityCredentialBuilder}.
 * Thread-safe.
 */
public final class ManagedIdentityCredential extends BackedCredential {

    private final String clientId;

    ManagedIdentityCredential(dev.azid.TokenCredential azid, String clientId) {
        super(azid);
        this.clientId = clientId;
    }

    /**
     * The user-assigned identity's client id, as set on the builder.
     *
     * @return the client id, or {@code null} for the system-assigned identity or one chosen otherwise
     */
    public String getClientId() {
        return clientId;
    }
}
