package dev.azid.azure.identity;

/**
 * Gets tokens from the Azure CLI's sign-in (`az account get-access-token`). An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.AzureCliCredential}, backed by {@code dev.azid.AzureCliCredential}. Built by {@link AzureCliCredentialBuilder}.
 * Thread-safe.
 */
public final class AzureCliCredential extends BackedCredential {

    AzureCliCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
