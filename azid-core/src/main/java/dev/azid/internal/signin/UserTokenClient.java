package dev.azid.internal.signin;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.AuthenticationRequiredException;
import dev.azid.AuthenticationRecord;
import dev.azid.TokenRequestContext;
import dev.azid.internal.cache.CachedTokenSource;
import dev.azid.internal.cache.ResolvedRequest;
import dev.azid.internal.cache.TokenCache;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.oauth2.Claims;
import dev.azid.internal.oauth2.ClientAuthentication;
import dev.azid.internal.oauth2.FormBody;
import dev.azid.internal.oauth2.Scopes;
import dev.azid.internal.oauth2.TenantPolicy;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.oauth2.TokenEndpointClient;
import dev.azid.internal.oauth2.UserTokenResult;
import dev.azid.internal.persistence.PersistentSessions;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A public client's user session: the first token comes from an interactive sign-in, later ones
 * (other scopes, renewals) from the refresh token, silently; a refresh token that Entra ID no longer
 * accepts sends the user through the sign-in again. Tokens go through the one token cache, and, when
 * the session policy has a shared level, through {@link SharedAccountTokens}: shared with other
 * processes only under keys that name the signed-in account, never with their refresh token.
 */
public final class UserTokenClient implements CachedTokenSource.Protocol {

    private static final Logger LOG = LoggerFactory.getLogger(UserTokenClient.class);

    private final String credentialName;
    private final Authority authority;
    private final String clientId;
    private final TokenEndpointClient endpoint;
    private final UserSignIn signIn;
    private final CachedTokenSource source;
    private final AtomicReference<UserTokenResult> session = new AtomicReference<>();
    private final ClientAuthentication clientAuthentication;
    private final SessionPolicy sessionPolicy;
    private final SharedAccountTokens shared;
    private final Clock clock;

    /**
     * Creates the client. Performs no I/O.
     *
     * @param credentialName the credential, for messages
     * @param authority the authority and tenant
     * @param clientId the public client's id
     * @param allowedTenants other tenants requests may name
     * @param endpoint the token endpoint client
     * @param cache the token cache
     * @param signIn the interactive sign-in
     * @param clientAuthentication the confidential client's proof for refresh requests, or {@code null}
     * @param sessionPolicy persistence, the account to look for, and whether sign-in may be automatic
     * @param clock tells whether a persisted access token is still fresh
     */
    public UserTokenClient(String credentialName, Authority authority, String clientId, TenantPolicy allowedTenants,
            TokenEndpointClient endpoint, TokenCache cache, UserSignIn signIn,
            ClientAuthentication clientAuthentication, SessionPolicy sessionPolicy, Clock clock) {
        this.clock = clock;
        this.clientAuthentication = clientAuthentication;
        this.sessionPolicy = sessionPolicy;
        this.credentialName = credentialName;
        this.authority = authority;
        this.clientId = clientId;
        this.endpoint = endpoint;
        this.signIn = signIn;
        this.shared = new SharedAccountTokens(sessionPolicy.shared(), authority.host(), clientId);
        // One session per credential: its tokens are keyed by the client, not by a secret.
        this.source = new CachedTokenSource(cache, credentialName + "|" + authority.host() + "|" + clientId,
                Scopes.anyValid(credentialName), Tenants.rule(credentialName, authority.tenant(), allowedTenants),
                this);
    }

    /**
     * The credential's token source: the cache in front of this protocol.
     *
     * @return the source, which a public credential serves its calls from
     */
    public CachedTokenSource tokens() {
        return source;
    }

    /**
     * Signs in now (even when a session exists), keeps the session, and publishes the access token to
     * the shared level under the account's key when the sign-in names the account.
     *
     * @param request the scopes to sign in for
     * @return a record of the account (no secrets) for silent sign-in from a persistent cache later
     */
    public AuthenticationRecord authenticate(TokenRequestContext request) {
        ResolvedRequest resolved = source.resolve(request);
        String tenant = resolved.tenant();
        UserTokenResult r = signIn.signIn(authority.withTenant(tenant), Scopes.withOidc(request.scopes()),
                Claims.merge(credentialName, request.claims(), request.enableCae()));
        keep(r, request.claims() == null ? PersistentSessions.tokenKey(tenant, request.scopes()) : null);
        shared.offer(resolved, r);
        return new AuthenticationRecord(authority.host().toString(), r.homeAccountId() == null ? "" : r.homeAccountId(), r.tenantId(),
                r.username(), clientId);
    }

    /**
     * Remembers a session, and writes it to the persistent cache when there is one.
     *
     * @param tokenKey where the access token goes in the persistent cache, or {@code null} to keep it in memory only
     */
    private void keep(UserTokenResult r, String tokenKey) {
        session.set(r);
        if (sessionPolicy.persistence() != null && r.refreshToken() != null && r.homeAccountId() != null) {
            Map<String, PersistentSessions.StoredToken> tokens = tokenKey == null ? Map.of() : Map.of(tokenKey,
                    PersistentSessions.StoredToken.of(r.token()));
            sessionPolicy.persistence().save(new PersistentSessions.Entry(clientId, r.homeAccountId(),
                    authority.host().toString(), r.tenantId(), r.username(), r.refreshToken(), tokens),
                    clock.instant());
        }
    }

    /** The configured account's entry in the persistent cache, if there is a cache, a record and an entry. */
    private PersistentSessions.Entry savedEntry() {
        AuthenticationRecord record = sessionPolicy.record();
        if (sessionPolicy.persistence() == null || record == null) {
            return null;
        }
        return sessionPolicy.persistence().find(clientId, record.homeAccountId()).orElse(null);
    }

    /** A still-fresh access token another process (or an earlier run) saved for these scopes, or {@code null}. */
    private AccessToken freshToken(PersistentSessions.Entry saved, String tokenKey) {
        PersistentSessions.StoredToken t = tokenKey == null ? null : saved.accessTokens().get(tokenKey);
        return t == null ? null : t.fresh(clock.instant()).orElse(null);
    }

    /** @return the authority host */
    public java.net.URI authorityHost() {
        return authority.host();
    }

    /** @return the credential's name */
    public String credentialName() {
        return credentialName;
    }

    /** @return the signed-in account, if any */
    public java.util.Optional<UserTokenResult> account() {
        return java.util.Optional.ofNullable(session.get());
    }

    @Override
    public AccessToken fetch(ResolvedRequest resolved) {
        TokenRequestContext request = resolved.request();
        String tokenKey = request.claims() == null ? PersistentSessions.tokenKey(resolved.tenant(), request.scopes()) : null;
        UserTokenResult current = session.get();
        PersistentSessions.Entry saved = current == null ? savedEntry() : null;
        if (saved != null) {
            AccessToken persisted = freshToken(saved, tokenKey);
            if (persisted != null) {
                return persisted;
            }
            current = new UserTokenResult(null, saved.refreshToken(), saved.username(), saved.homeAccountId(),
                    saved.tenantId());
        }
        UserTokenResult from = current;
        return shared.fetch(resolved, expectedAccount(current), () -> renewOrSignIn(resolved, from, tokenKey));
    }

    @Override
    public CachedTokenSource.Lookup sharedLookup(ResolvedRequest resolved, CachedTokenSource.Lookup inProcess) {
        return shared.lookup(resolved, expectedAccount(session.get()), inProcess);
    }

    /** The account whose token a fetch expects: the session's, else (before any sign-in) the record's. */
    private String expectedAccount(UserTokenResult current) {
        AuthenticationRecord record = sessionPolicy.record();
        return current != null ? current.homeAccountId() : record == null ? null : record.homeAccountId();
    }

    /** Renews with the session's refresh token, else signs in; keeps and returns the result, which names its account. */
    private UserTokenResult renewOrSignIn(ResolvedRequest resolved, UserTokenResult current, String tokenKey) {
        TokenRequestContext request = resolved.request();
        Authority target = authority.withTenant(resolved.tenant());
        String claims = Claims.merge(credentialName, request.claims(), request.enableCae());
        String lostSession = null;
        if (current != null && current.refreshToken() != null) {
            try {
                FormBody form = new FormBody().add("grant_type", "refresh_token").add("client_id", clientId)
                        .add("refresh_token", current.refreshToken()).add("scope", String.join(" ", Scopes.withOidc(request.scopes())))
                        .add("client_info", "1").add("claims", claims);
                if (clientAuthentication != null) {
                    clientAuthentication.apply(form, target.tokenEndpoint());
                }
                UserTokenResult renewed = endpoint.requestUserToken(target.tokenEndpoint(), form);
                // Entra ID rotates refresh tokens: keep the newest, and the account we already know.
                UserTokenResult kept = new UserTokenResult(renewed.token(), renewed.refreshToken() != null
                        ? renewed.refreshToken() : current.refreshToken(), current.username(), current.homeAccountId(),
                        current.tenantId());
                keep(kept, tokenKey);
                return kept;
            } catch (AuthenticationFailedException e) {
                if (e.details().map(d -> "invalid_grant".equals(d.error())).orElse(false)) {
                    lostSession = e.details().map(d -> d.errorCode()).orElse("invalid_grant");
                    LOG.info("{}: the refresh token is no longer accepted ({}); the user must sign in again", credentialName,
                            lostSession);
                    session.set(null);
                } else {
                    throw e;
                }
            }
        }
        if (!sessionPolicy.automaticAuthentication()) {
            String why = lostSession == null ? "" : " Entra ID no longer accepts the saved sign-in (" + lostSession
                    + ": revoked, expired or already used).";
            throw new AuthenticationRequiredException(credentialName + ": the user must sign in interactively, but "
                    + "automatic authentication is disabled." + why + " Call authenticate() to sign in again.", request);
        }
        UserTokenResult r = signIn.signIn(target, Scopes.withOidc(request.scopes()), claims);
        keep(r, tokenKey);
        return r;
    }

    @Override
    public String toString() {
        UserTokenResult s = session.get();
        return credentialName + "[authority=" + authority.host() + ", tenant=" + authority.tenant() + ", clientId=" + clientId
                + ", account=" + (s == null ? "none" : s.username()) + "]";
    }
}
