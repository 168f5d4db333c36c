package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.TokenRequestContext;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.TokenCache;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application that authenticates as itself (client credentials grant), with any
 * {@link ClientAuthentication}; shared by the secret, certificate and assertion credentials.
 */
public final class ConfidentialClient implements dev.azid.TokenCredential {

    private static final Logger LOG = LoggerFactory.getLogger(ConfidentialClient.class);
    private static final int MAX_PREPARED = 256;

    private final String credentialName;
    private final Authority authority;
    private final String clientId;
    private final ClientAuthentication authentication;
    private final Set<String> allowedTenants;
    private final TokenEndpointClient endpoint;
    private final TokenCache cache;
    private final String identity;
    /** Validated tenant, scope and key per request, so a cache hit allocates nothing. */
    private final ConcurrentHashMap<TokenRequestContext, Prepared> prepared = new ConcurrentHashMap<>();

    /**
     * Creates the client. Performs no I/O.
     *
     * @param credentialName the credential, for messages and logs
     * @param authority the authority host and the credential's tenant
     * @param clientId the application (client) id
     * @param authentication how the client proves itself
     * @param allowedTenants tenants other than the credential's that requests may name
     * @param endpoint the token endpoint client
     * @param cache the token cache
     */
    public ConfidentialClient(String credentialName, Authority authority, String clientId,
            ClientAuthentication authentication, Set<String> allowedTenants, TokenEndpointClient endpoint,
            TokenCache cache) {
        this.credentialName = credentialName;
        this.authority = authority;
        this.clientId = clientId;
        this.authentication = authentication;
        this.allowedTenants = Set.copyOf(allowedTenants);
        this.endpoint = endpoint;
        this.cache = cache;
        this.identity = credentialName + "|" + authority.host() + "|" + clientId + "|" + authentication.fingerprint();
    }

    /**
     * Gets a token, from the cache when possible.
     *
     * @param request the request
     * @return the token
     */
    @Override
    public AccessToken getToken(TokenRequestContext request) {
        Prepared p = prepare(request);
        return cache.getToken(p.key(), request.claims() != null, () -> fetch(p, request));
    }

    /**
     * Gets a token asynchronously; a bad request fails the future rather than throwing.
     *
     * @param request the request
     * @return the future token
     */
    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        Prepared p;
        try {
            p = prepare(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return cache.getTokenAsync(p.key(), request.claims() != null, () -> fetch(p, request));
    }

    private record Prepared(String tenant, String scope, CacheKey key) {
    }

    private Prepared prepare(TokenRequestContext request) {
        Prepared known = prepared.get(request);
        if (known != null) {
            return known;
        }
        Prepared p = validate(request);
        // Claims challenges are one-off; other requests repeat, and a bound keeps odd callers from growing the map.
        if (request.claims() == null && prepared.size() < MAX_PREPARED) {
            prepared.putIfAbsent(request, p);
        }
        return p;
    }

    private Prepared validate(TokenRequestContext request) {
        String tenant = Tenants.resolve(credentialName, authority.tenant(), request.tenantId(), allowedTenants);
        String scope = Scopes.forClientCredentials(credentialName, request.scopes());
        return new Prepared(tenant, scope, new CacheKey(identity, tenant, List.of(scope), request.enableCae()));
    }

    private AccessToken fetch(Prepared p, TokenRequestContext request) {
        Authority target = authority.withTenant(p.tenant());
        FormBody form = new FormBody()
                .add("grant_type", "client_credentials")
                .add("client_id", clientId)
                .add("scope", p.scope());
        authentication.apply(form, target.tokenEndpoint());
        form.add("claims", Claims.merge(credentialName, request.claims(), request.enableCae()));
        AccessToken token = endpoint.requestToken(target.tokenEndpoint(), form);
        LOG.info("{}: got a token for {} in tenant {} ({} authentication); it expires at {}, refresh from {}",
                credentialName, p.scope(), p.tenant(), authentication.method(), token.expiresAt(), token.refreshAt());
        return token;
    }

    @Override
    public String toString() {
        return credentialName + "[authority=" + authority.host() + ", tenant=" + authority.tenant() + ", clientId="
                + clientId + "]";
    }
}
