package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.fingerprint.Fingerprints;
import java.net.URI;

/**
 * The on-behalf-of exchange: a middle-tier API trades the user's incoming token (and its own
 * credential) for a token to call another API as that user. Cached tokens are keyed by a
 * fingerprint of the user's assertion, so one user's token is never returned for another's.
 */
public final class OnBehalfOfClient implements CachedTokenSource.Protocol {

    private final TokenGrant grant;
    private final String userAssertion;
    private final ClientAuthentication authentication;
    private final CachedTokenSource source;

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
        this.grant = new TokenGrant(credentialName, authority, clientId, endpoint);
        this.userAssertion = userAssertion;
        this.authentication = authentication;
        // The assertion's fingerprint is part of the identity: one user's token is never another's.
        this.source = grant.source(cache, authentication.fingerprint() + "|" + Fingerprints.sha256(userAssertion),
                Scopes.anyValid(credentialName), allowedTenants, this);
    }

    /**
     * The credential's token source: the cache in front of this protocol.
     *
     * @return the source, which a public credential serves its calls from
     */
    public CachedTokenSource tokens() {
        return source;
    }

    @Override
    public AccessToken fetch(ResolvedRequest request) {
        URI tokenEndpoint = grant.tokenEndpoint(request);
        FormBody form = grant.userTokenFields(grant.form("urn:ietf:params:oauth:grant-type:jwt-bearer")
                .add("assertion", userAssertion).add("requested_token_use", "on_behalf_of"), request);
        authentication.apply(form, tokenEndpoint);
        return grant.endpoint().requestToken(tokenEndpoint, form);
    }

    /** Never shows the assertion or the credential. */
    @Override
    public String toString() {
        return grant.describe("");
    }
}
