package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application that authenticates as itself (client credentials grant), with any
 * {@link ClientAuthentication}; shared by the secret, certificate and assertion credentials.
 */
public final class ConfidentialClient implements CachedTokenSource.Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(ConfidentialClient.class);

    private final String credentialName;
    private final Authority authority;
    private final String clientId;
    private final ClientAuthentication authentication;
    private final TokenEndpointClient endpoint;
    private final CachedTokenSource source;

    /**
     * Creates the client. Performs no I/O.
     *
     * @param credentialName the credential, for messages and logs
     * @param authority the authority host and the credential's tenant
     * @param clientId the application (client) id
     * @param authentication how the client proves itself
     * @param allowedTenants the tenants other than the credential's that requests may name
     * @param endpoint the token endpoint client
     * @param cache the token cache
     */
    public ConfidentialClient(String credentialName, Authority authority, String clientId,
            ClientAuthentication authentication, TenantPolicy allowedTenants, TokenEndpointClient endpoint,
            TokenCache cache) {
        this.credentialName = credentialName;
        this.authority = authority;
        this.clientId = clientId;
        this.authentication = authentication;
        this.endpoint = endpoint;
        this.source = new CachedTokenSource(cache, credentialName + "|" + authority.host() + "|" + clientId + "|"
                + authentication.fingerprint(), Scopes.clientCredentials(credentialName),
                Tenants.rule(credentialName, authority.tenant(), allowedTenants), this);
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
        Authority target = authority.withTenant(request.tenant());
        FormBody form = new FormBody()
                .add("grant_type", "client_credentials")
                .add("client_id", clientId)
                .add("scope", request.scope());
        authentication.apply(form, target.tokenEndpoint());
        form.add("claims", Claims.merge(credentialName, request.claims(), request.enableCae()));
        AccessToken token = endpoint.requestToken(target.tokenEndpoint(), form);
        LOG.info("{}: got a token for {} in tenant {} ({} authentication); it expires at {}, refresh from {}",
                credentialName, request.scope(), request.tenant(), authentication.method(), token.expiresAt(), token.refreshAt());
        return token;
    }

    @Override
    public String toString() {
        return credentialName + "[authority=" + authority.host() + ", tenant=" + authority.tenant() + ", clientId="
                + clientId + "]";
    }
}
