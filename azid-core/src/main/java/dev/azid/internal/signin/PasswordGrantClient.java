package dev.azid.internal.signin;

import dev.azid.AccessToken;
import dev.azid.AuthenticationRecord;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.FormBody;
import dev.azid.internal.oauth2.Scopes;
import dev.azid.internal.oauth2.TenantPolicy;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.oauth2.TokenGrant;
import dev.azid.internal.oauth2.UserTokenResult;

/**
 * The resource owner password credentials grant for a public client: the user's name and password
 * are exchanged for a token. Deprecated by Microsoft (no multi-factor authentication); kept for
 * configurations that still use it.
 */
public final class PasswordGrantClient implements CachedTokenSource.Protocol {

    private final TokenGrant grant;
    private final String username;
    private final String password;
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
        this.grant = new TokenGrant(credentialName, authority, clientId, endpoint);
        this.username = username;
        this.password = password;
        this.source = grant.source(cache, username.toLowerCase(java.util.Locale.ROOT) + "|" + Fingerprints.sha256(password),
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
        return new AuthenticationRecord(grant.authority().host().toString(), r.homeAccountId() == null ? ""
                : r.homeAccountId(), r.tenantId() != null ? r.tenantId() : resolved.tenant(),
                r.username() != null ? r.username() : username, grant.clientId());
    }

    /** @return the authority host */
    public java.net.URI authorityHost() {
        return grant.authority().host();
    }

    private UserTokenResult signIn(ResolvedRequest request) {
        FormBody form = grant.userTokenFields(grant.form("password").add("username", username).add("password", password),
                request);
        return grant.endpoint().requestUserToken(grant.tokenEndpoint(request), form);
    }

    @Override
    public String toString() {
        return grant.describe(", username=" + username);
    }
}
