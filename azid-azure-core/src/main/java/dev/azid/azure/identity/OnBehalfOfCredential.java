package dev.azid.azure.identity;

/**
 * Exchanges the token a user sent to an API for a token to another API, on the user's behalf. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.OnBehalfOfCredential}, backed by {@code dev.azid.OnBehalfOfCredential}. Built by {@link OnBehalfOfCredentialBuilder}.
 * Thread-safe.
 */
public final class OnBehalfOfCredential extends BackedCredential {

    OnBehalfOfCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
