package dev.azid.internal.oauth2;

import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.TokenCache;

/**
 * What the clients of the token endpoint's own grants share, written once: the grant (authority,
 * client id, endpoint) and the cached token source in front of the protocol, whose identity names
 * the principal so that one principal's token is never another's. Each client adds its grant's form.
 */
public abstract class GrantClient implements CachedTokenSource.Protocol {

    /** The grant: the credential's name, authority, client id and token endpoint client. */
    protected final TokenGrant grant;
    private final CachedTokenSource source;

    /**
     * Creates it. Performs no I/O.
     *
     * @param grant the grant
     * @param cache the credential's token cache
     * @param principal who the tokens are for, as fingerprints: part of the cache identity
     * @param scopes the rule for the scopes a request may name
     * @param allowedTenants other tenants requests may name
     */
    protected GrantClient(TokenGrant grant, TokenCache cache, String principal, CachedTokenSource.ScopeRule scopes,
            TenantPolicy allowedTenants) {
        this.grant = grant;
        this.source = grant.source(cache, principal, scopes, allowedTenants, this);
    }

    /**
     * The credential's token source: the cache in front of this protocol.
     *
     * @return the source, which a public credential serves its calls from
     */
    public final CachedTokenSource tokens() {
        return source;
    }

    /** Never shows a secret, an assertion or a password: the grant names the client and authority only. */
    @Override
    public String toString() {
        return grant.describe("");
    }
}
