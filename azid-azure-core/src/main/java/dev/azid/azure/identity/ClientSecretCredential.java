package dev.azid.azure.identity;

/**
 * Authenticates an application (service principal) with a client secret. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.ClientSecretCredential}, backed by {@code dev.azid.ClientSecretCredential}. Built by {@link ClientSecretCredentialBuilder}.
 * Thread-safe.
 */
public final class ClientSecretCredential extends BackedCredential {

    ClientSecretCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
