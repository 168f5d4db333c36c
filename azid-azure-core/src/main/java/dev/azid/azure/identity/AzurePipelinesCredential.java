package dev.azid.azure.identity;

/**
 * Authenticates an Azure Pipelines job through its service connection's federated identity. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.AzurePipelinesCredential}, backed by {@code dev.azid.AzurePipelinesCredential}. Built by {@link AzurePipelinesCredentialBuilder}.
 * Thread-safe.
 */
public final class AzurePipelinesCredential extends BackedCredential {

    AzurePipelinesCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
