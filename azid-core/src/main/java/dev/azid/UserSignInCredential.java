package dev.azid;

import dev.azid.internal.signin.UserTokenClient;
import java.util.Optional;

/**
 * What the credentials that sign a user in interactively share: the user's session, its account
 * name, and an explicit {@code authenticate}. Package-private: not part of the API.
 */
abstract class UserSignInCredential extends DelegatingCredential {

    private final UserTokenClient client;

    UserSignInCredential(UserTokenClient client) {
        super(client.tokens());
        this.client = client;
    }

    /**
     * The signed-in user's name, once signed in.
     *
     * @return the user name, or empty
     */
    public final Optional<String> username() {
        return client.account().map(a -> a.username());
    }

    /**
     * Signs the user in now, interactively, and returns a record of the account (no secrets) that a
     * later process can pass to {@code authenticationRecord(...)} to sign in silently from a
     * persistent cache.
     *
     * @param request the scopes to sign in for
     * @return the record
     */
    public final AuthenticationRecord authenticate(TokenRequestContext request) {
        return client.authenticate(request);
    }

    /**
     * Signs the user in now, interactively, for the management API of the credential's cloud (as
     * {@code azure-identity} does: {@code https://management.core.windows.net//.default} in the
     * public cloud, the matching scope in the China, US Government and Germany clouds).
     *
     * @return the record, as {@link #authenticate(TokenRequestContext)} returns it
     * @throws CredentialUnavailableException if the authority host is of no named cloud: call
     *     {@link #authenticate(TokenRequestContext)} with the scope
     */
    public final AuthenticationRecord authenticate() {
        return client.authenticate(AzureAuthorityHosts.defaultRequest(client.credentialName(), client.authorityHost()));
    }
}
