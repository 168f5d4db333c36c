package dev.azid.internal.oauth2;

import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import java.net.URI;

/**
 * What every grant that one application sends to the token endpoint shares (client credentials,
 * on-behalf-of, password): the credential's name, the authority with the credential's tenant, the
 * client id and the endpoint client. It puts the cache in front of the grant under an identity that
 * names the credential, the host and the client, and starts every form and description the same
 * way. Immutable; holds no secret.
 *
 * @param credentialName the credential, for messages and logs
 * @param authority the authority host and the credential's tenant
 * @param clientId the application (client) id
 * @param endpoint the token endpoint client
 */
public record TokenGrant(String credentialName, Authority authority, String clientId, TokenEndpointClient endpoint) {

    /**
     * The cache in front of a grant, under the identity {@code credential|host|clientId|principal}.
     *
     * @param cache the credential's token cache
     * @param principal what tells this grant's principal apart, e.g. a fingerprint of the client's proof
     * @param scopes which scopes a request may name
     * @param allowedTenants the tenants other than the credential's that requests may name
     * @param protocol the grant
     * @return the source the public credential serves its calls from
     */
    public CachedTokenSource source(TokenCache cache, String principal, CachedTokenSource.ScopeRule scopes,
            TenantPolicy allowedTenants, CachedTokenSource.Protocol protocol) {
        return new CachedTokenSource(cache, credentialName + "|" + authority.host() + "|" + clientId + "|" + principal,
                scopes, Tenants.rule(credentialName, authority.tenant(), allowedTenants), protocol);
    }

    /**
     * The token endpoint of the request's tenant on this authority's host.
     *
     * @param request the resolved request
     * @return the endpoint URL
     */
    public URI tokenEndpoint(ResolvedRequest request) {
        return authority.withTenant(request.tenant()).tokenEndpoint();
    }

    /**
     * A form that starts as every grant's does: {@code grant_type}, then {@code client_id}.
     *
     * @param grantType the grant type
     * @return the form, to add the grant's own fields to
     */
    public FormBody form(String grantType) {
        return new FormBody().add("grant_type", grantType).add("client_id", clientId);
    }

    /**
     * Ends the form of a grant that returns a user's token: the scopes with the OpenID ones,
     * {@code client_info=1} and the merged claims.
     *
     * @param form the form so far
     * @param request the resolved request
     * @return the form
     */
    public FormBody userTokenFields(FormBody form, ResolvedRequest request) {
        return form.add("scope", String.join(" ", Scopes.withOidc(request.scopes()))).add("client_info", "1")
                .add("claims", claims(request));
    }

    /**
     * The request's claims merged with the CAE capability, as the endpoint expects them.
     *
     * @param request the resolved request
     * @return the claims, or {@code null} for none
     */
    public String claims(ResolvedRequest request) {
        return Claims.merge(credentialName, request.claims(), request.enableCae());
    }

    /**
     * Names the credential, authority, tenant and client id, then {@code more}; never a secret.
     *
     * @param more further settings, e.g. {@code ", username=..."}, or {@code ""}
     * @return the description
     */
    public String describe(String more) {
        return credentialName + "[authority=" + authority.host() + ", tenant=" + authority.tenant() + ", clientId="
                + clientId + more + "]";
    }
}
