package dev.azid.internal.signin;

import dev.azid.AccessToken;
import dev.azid.AuthenticationRecord;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.Claims;
import dev.azid.internal.oauth2.FormBody;
import dev.azid.internal.oauth2.Scopes;
import dev.azid.internal.oauth2.TenantPolicy;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.oauth2.UserTokenResult;

/**
 * The resource owner password credentials grant for a public client: the user's name and password
 * are exchanged for a token. Deprecated by Microsoft (no multi-factor authentication); kept for
 * configurations that still use it.
 */
public final class PasswordGrantClient implements CachedTokenSource.Protocol {

    private final String credentialName;
    private final Authority authority;
    private final String clientId;
    private final String username;
    private final String password;
    private final TokenEndpointClient endpoint;
    private final CachedTokenSource source;

    /**
     * Creates the client. Performs no I/O.
     *
     * @param credentialName the credential, for messages
     * @param authority the authority and the credential's tenant
     * @param clientId the public client's id
     * @param username the user's name
     * @param password the user's password
     * @param allowedTenants other tenants requests may name
     * @param endpoint the token endpoint client
     * @param cache the token cache
     */
    public PasswordGrantClient(String credentialName, Authority authority, String clientId, String username,
            String password, TenantPolicy allowedTenants, TokenEndpointClient endpoint, TokenCache cache) {
        this.credentialName = credentialName;
        this.authority = authority;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.endpoint = endpoint;
        this.source = new CachedTokenSource(cache, credentialName + "|" + authority.host() + "|" + clientId + "|"
                + username.toLowerCase(java.util.Locale.ROOT) + "|" + Fingerprints.sha256(password),
                Scopes.anyValid(credentialName), Tenants.rule(credentialName, authority.tenant(), allowedTenants), this);
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
        return signIn(request).token();
    }

    /**
     * Exchanges the password for a token now, not from the cache, and names who signed in, from the
     * answer's {@code id_token} and {@code client_info} as the interactive credentials do.
     *
     * @param request the scopes to sign in for
     * @return a record of the account (no secrets)
     */
    public AuthenticationRecord authenticate(dev.azid.TokenRequestContext request) {
        ResolvedRequest resolved = source.resolve(request);
        UserTokenResult r = signIn(resolved);
        return new AuthenticationRecord(authority.host().toString(), r.homeAccountId() == null ? "" : r.homeAccountId(),
                r.tenantId() != null ? r.tenantId() : resolved.tenant(), r.username() != null ? r.username() : username,
                clientId);
    }

    /** @return the authority host */
    public java.net.URI authorityHost() {
        return authority.host();
    }

    private UserTokenResult signIn(ResolvedRequest request) {
        Authority target = authority.withTenant(request.tenant());
        FormBody form = new FormBody()
                .add("grant_type", "password")
                .add("client_id", clientId)
                .add("username", username)
                .add("password", password)
                .add("scope", String.join(" ", Scopes.withOidc(request.scopes())))
                .add("client_info", "1")
                .add("claims", Claims.merge(credentialName, request.claims(), request.enableCae()));
        return endpoint.requestUserToken(target.tokenEndpoint(), form);
    }

    @Override
    public String toString() {
        return credentialName + "[authority=" + authority.host() + ", tenant=" + authority.tenant() + ", clientId="
                + clientId + ", username=" + username + "]";
    }
}
