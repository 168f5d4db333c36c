package dev.azid.internal.cache;

import dev.azid.AccessToken;

/** Gets a new token from the identity provider; called by {@link TokenCache} only. */
@FunctionalInterface
public interface TokenFetcher {

    /**
     * Fetches a token. Blocks.
     *
     * @return the new token, with its refresh instant set
     * @throws dev.azid.CredentialException when the credential cannot or did not authenticate
     */
    AccessToken fetch();
}
