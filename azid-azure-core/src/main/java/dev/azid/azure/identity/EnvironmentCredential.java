package dev.azid.azure.identity;

/**
 * Authenticates with what the `AZURE_*` environment variables configure. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.EnvironmentCredential}, backed by {@code dev.azid.EnvironmentCredential}. Built by {@link EnvironmentCredentialBuilder}.
 * Thread-safe.
 */
public final class EnvironmentCredential extends BackedCredential {

    EnvironmentCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
