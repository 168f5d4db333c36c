package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application that authenticates as itself (client credentials grant), with any
 * {@link ClientAuthentication}; shared by the secret, certificate and assertion credentials.
 */
public final class ConfidentialClient extends GrantClient {

    private static final Logger LOG = LoggerFactory.getLogger(ConfidentialClient.class);

    private final ClientAuthentication authentication;

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
        super(new TokenGrant(credentialName, authority, clientId, endpoint), cache, authentication.fingerprint(),
                Scopes.clientCredentials(credentialName), allowedTenants);
        this.authentication = authentication;
    }

    @Override
    public AccessToken fetch(ResolvedRequest request) {
        URI tokenEndpoint = grant.tokenEndpoint(request);
        FormBody form = grant.form("client_credentials").add("scope", request.scope());
        authentication.apply(form, tokenEndpoint);
        form.add("claims", grant.claims(request));
        AccessToken token = grant.endpoint().requestToken(tokenEndpoint, form);
        LOG.info("{}: got a token for {} in tenant {} ({} authentication); it expires at {}, refresh from {}",
                grant.credentialName(), request.scope(), request.tenant(), authentication.method(), token.expiresAt(), token.refreshAt());
        return token;
    }
}
