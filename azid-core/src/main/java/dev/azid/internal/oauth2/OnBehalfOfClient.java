package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.fingerprint.Fingerprints;
import java.net.URI;

/**
 * The on-behalf-of exchange: a middle-tier API trades the user's incoming token (and its own
 * credential) for a token to call another API as that user. Cached tokens are keyed by a
 * fingerprint of the user's assertion, so one user's token is never returned for another's.
 */
public final class OnBehalfOfClient extends GrantClient {

    private final String userAssertion;
    private final ClientAuthentication authentication;

    /**
     * Creates it. Performs no I/O.
     *
     * @param credentialName the credential
     * @param authority the authority and tenant
     * @param clientId the middle tier's client id
     * @param userAssertion the incoming user token
     * @param authentication the middle tier's proof
     * @param allowedTenants other tenants requests may name
     * @param endpoint the token endpoint client
     * @param cache the token cache of this assertion's credential
     */
    public OnBehalfOfClient(String credentialName, Authority authority, String clientId, String userAssertion,
            ClientAuthentication authentication, TenantPolicy allowedTenants, TokenEndpointClient endpoint, TokenCache cache) {
        // The assertion's fingerprint is part of the identity: one user's token is never another's.
        super(new TokenGrant(credentialName, authority, clientId, endpoint), cache, authentication.fingerprint() + "|"
                + Fingerprints.sha256(userAssertion), Scopes.anyValid(credentialName), allowedTenants);
        this.userAssertion = userAssertion;
        this.authentication = authentication;
    }

    @Override
    public AccessToken fetch(ResolvedRequest request) {
        URI tokenEndpoint = grant.tokenEndpoint(request);
        FormBody form = grant.userTokenFields(grant.form("urn:ietf:params:oauth:grant-type:jwt-bearer")
                .add("assertion", userAssertion).add("requested_token_use", "on_behalf_of"), request);
        authentication.apply(form, tokenEndpoint);
        return grant.endpoint().requestToken(tokenEndpoint, form);
    }
}
