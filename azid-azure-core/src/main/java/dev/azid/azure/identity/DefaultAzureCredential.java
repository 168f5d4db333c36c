package dev.azid.azure.identity;

/**
 * The default chain: environment, workload identity, managed identity, then the developer tools. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.DefaultAzureCredential}, backed by {@code dev.azid.DefaultAzureCredential}. Built by {@link DefaultAzureCredentialBuilder}.
 * Unlike azure-identity's, it is not a subclass of {@link ChainedTokenCredential} (both are final);
 * the chain sticks to the member that answered first. Thread-safe.
 */
public final class DefaultAzureCredential extends BackedCredential {

    DefaultAzureCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
