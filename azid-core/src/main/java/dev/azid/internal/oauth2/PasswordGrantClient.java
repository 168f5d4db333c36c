package dev.azid.internal.oauth2;

import dev.azid.AccessToken;
import dev.azid.TokenRequestContext;
import dev.azid.internal.cache.CacheKey;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.fingerprint.Fingerprints;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The resource owner password credentials grant for a public client: the user's name and password
 * are exchanged for a token. Deprecated by Microsoft (no multi-factor authentication); kept for
 * configurations that still use it.
 */
public final class PasswordGrantClient implements dev.azid.TokenCredential {

    /** The OpenID Connect scopes MSAL adds to every user-flow request. */
    static final List<String> RESERVED_SCOPES = List.of("openid", "profile", "offline_access");

    private final String credentialName;
    private final Authority authority;
    private final String clientId;
    private final String username;
    private final String password;
    private final Set<String> allowedTenants;
    private final TokenEndpointClient endpoint;
    private final TokenCache cache;
    private final String identity;

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
            String password, Set<String> allowedTenants, TokenEndpointClient endpoint, TokenCache cache) {
        this.credentialName = credentialName;
        this.authority = authority;
        this.clientId = clientId;
        this.username = username;
        this.password = password;
        this.allowedTenants = Set.copyOf(allowedTenants);
        this.endpoint = endpoint;
        this.cache = cache;
        this.identity = credentialName + "|" + authority.host() + "|" + clientId + "|" + username.toLowerCase(java.util.Locale.ROOT)
                + "|" + Fingerprints.sha256(password);
    }

    /**
     * Gets a token, from the cache when possible.
     *
     * @param request the request
     * @return the token
     */
    @Override
    public AccessToken getToken(TokenRequestContext request) {
        String tenant = Tenants.resolve(credentialName, authority.tenant(), request.tenantId(), allowedTenants);
        Scopes.validate(credentialName, request.scopes());
        CacheKey key = new CacheKey(identity, tenant, request.scopes(), request.enableCae());
        return cache.getToken(key, request.claims() != null, () -> fetch(tenant, request));
    }

    /**
     * Gets a token asynchronously.
     *
     * @param request the request
     * @return the future token
     */
    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        try {
            String tenant = Tenants.resolve(credentialName, authority.tenant(), request.tenantId(), allowedTenants);
            Scopes.validate(credentialName, request.scopes());
            CacheKey key = new CacheKey(identity, tenant, request.scopes(), request.enableCae());
            return cache.getTokenAsync(key, request.claims() != null, () -> fetch(tenant, request));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private AccessToken fetch(String tenant, TokenRequestContext request) {
        Set<String> scopes = new LinkedHashSet<>(request.scopes());
        scopes.addAll(RESERVED_SCOPES);
        Authority target = authority.withTenant(tenant);
        FormBody form = new FormBody()
                .add("grant_type", "password")
                .add("client_id", clientId)
                .add("username", username)
                .add("password", password)
                .add("scope", String.join(" ", scopes))
                .add("client_info", "1")
                .add("claims", Claims.merge(credentialName, request.claims(), request.enableCae()));
        return endpoint.requestToken(target.tokenEndpoint(), form);
    }

    @Override
    public String toString() {
        return credentialName + "[authority=" + authority.host() + ", tenant=" + authority.tenant() + ", clientId="
                + clientId + ", username=" + username + "]";
    }
}
