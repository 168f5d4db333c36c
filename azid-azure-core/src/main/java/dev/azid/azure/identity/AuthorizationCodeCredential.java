package dev.azid.azure.identity;

/**
 * Redeems an OAuth authorization code a web application received, then refreshes. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.AuthorizationCodeCredential}, backed by {@code dev.azid.AuthorizationCodeCredential}. Built by {@link AuthorizationCodeCredentialBuilder}.
 * Thread-safe.
 */
public final class AuthorizationCodeCredential extends BackedCredential {

    AuthorizationCodeCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
