package dev.azid.azure.identity;

/**
 * Gets tokens from the Azure Developer CLI's sign-in (`azd auth token`). An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.AzureDeveloperCliCredential}, backed by {@code dev.azid.AzureDeveloperCliCredential}. Built by {@link AzureDeveloperCliCredentialBuilder}.
 * Thread-safe.
 */
public final class AzureDeveloperCliCredential extends BackedCredential {

    AzureDeveloperCliCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
