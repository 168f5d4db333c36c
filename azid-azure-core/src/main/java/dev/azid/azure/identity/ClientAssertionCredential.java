package dev.azid.azure.identity;

/**
 * Authenticates an application with a client assertion (a signed JWT) from a supplier. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.ClientAssertionCredential}, backed by {@code dev.azid.ClientAssertionCredential}. Built by {@link ClientAssertionCredentialBuilder}.
 * Thread-safe.
 */
public final class ClientAssertionCredential extends BackedCredential {

    ClientAssertionCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
