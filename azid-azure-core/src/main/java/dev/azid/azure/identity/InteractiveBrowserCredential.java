package dev.azid.azure.identity;

/**
 * Signs a user in through the system browser (authorization code with PKCE). An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.InteractiveBrowserCredential}, backed by {@code dev.azid.InteractiveBrowserCredential}. Built by
 * {@link InteractiveBrowserCredentialBuilder}. Thread-safe.
 */
public final class InteractiveBrowserCredential extends UserCredential {

    InteractiveBrowserCredential(dev.azid.InteractiveBrowserCredential credential) {
        super(credential, credential::authenticate, credential::authenticate);
    }
}
