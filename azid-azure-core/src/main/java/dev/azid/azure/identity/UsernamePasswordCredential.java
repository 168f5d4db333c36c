package dev.azid.azure.identity;

/**
 * Signs a user in with a username and password (the resource owner password grant, which Microsoft
 * discourages and multi-factor authentication refuses). An azure-core {@code TokenCredential} with
 * the name and behaviour of {@code com.azure.identity.UsernamePasswordCredential}, backed by
 * {@code dev.azid.UsernamePasswordCredential}: its {@code authenticate} exchanges the password now and
 * records the account. Built by {@link UsernamePasswordCredentialBuilder}. Thread-safe.
 */
public final class UsernamePasswordCredential extends UserCredential {

    UsernamePasswordCredential(dev.azid.UsernamePasswordCredential credential) {
        super(credential, credential::authenticate, credential::authenticate);
    }
}
