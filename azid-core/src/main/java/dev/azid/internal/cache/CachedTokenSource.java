package dev.azid.internal.cache;

import dev.azid.AccessToken;
import dev.azid.TokenRequestContext;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one path from a token request to a token, for every credential that caches tokens. One is
 * built per credential; the credential's client supplies only its protocol.
 *
 * <p>For each request, in this order and before the cache is asked: the {@link ScopeRule} checks
 * the scopes (and may normalise them), the {@link TenantRule} chooses the tenant, and a
 * {@link Refusal} may refuse a request the protocol can never serve. A refused request fetches
 * nothing.
 * Then the {@link TokenCache} answers: a fresh cached token at once, otherwise one shared fetch
 * (single flight); a request with claims always fetches and replaces the cached token.
 *
 * <p>{@link #getTokenAsync} is truly asynchronous: a cached token completes the future on the
 * calling thread, without touching the executor; a fetch runs on the cache's executor, which is
 * the credential's; a refused request completes the future exceptionally, never throws.
 *
 * <p>It is the credential's {@link dev.azid.TokenCredential}: a public credential hands its calls
 * here unchanged, and {@link #toString()} is its protocol's, which names settings, never secrets.
 */
public final class CachedTokenSource implements dev.azid.TokenCredential {

    /** Bounds the memo of prepared requests, so that callers with ever-new requests cannot grow it. */
    private static final int MAX_PREPARED = 256;

    private final TokenCache cache;
    private final String identity;
    private final ScopeRule scopes;
    private final TenantRule tenants;
    private final Protocol protocol;
    private final Refusal refusal;
    private final boolean caeInKey;
    /** Checked requests with their key and fetcher, so that a cache hit allocates nothing. */
    private final ConcurrentHashMap<TokenRequestContext, Prepared> prepared = new ConcurrentHashMap<>();

    /**
     * Creates the source. Performs no I/O.
     *
     * @param cache the credential's cache (its executor runs asynchronous fetches)
     * @param identity who the tokens are for, as in {@link CacheKey#identity()}: constant for the
     *     credential, holding a fingerprint of its material (or of the user's assertion), never the material
     * @param scopes the credential's scope rule
     * @param tenants the credential's tenant rule
     * @param protocol gets a new token from the identity provider or tool
     */
    public CachedTokenSource(TokenCache cache, String identity, ScopeRule scopes, TenantRule tenants, Protocol protocol) {
        this(cache, identity, scopes, tenants, protocol, request -> { }, true);
    }

    private CachedTokenSource(TokenCache cache, String identity, ScopeRule scopes, TenantRule tenants, Protocol protocol,
            Refusal refusal, boolean caeInKey) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.scopes = Objects.requireNonNull(scopes, "scopes");
        this.tenants = Objects.requireNonNull(tenants, "tenants");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.refusal = Objects.requireNonNull(refusal, "refusal");
        this.caeInKey = caeInKey;
    }

    /**
     * A copy that refuses, before the cache is asked, checked requests its protocol can never
     * serve (a developer tool cannot answer a claims challenge).
     *
     * @param refusal throws a credential exception or {@link IllegalArgumentException} saying why
     * @return the new source (build time only: it starts with an empty memo)
     */
    public CachedTokenSource refusing(Refusal refusal) {
        return new CachedTokenSource(cache, identity, scopes, tenants, protocol, refusal, caeInKey);
    }

    /**
     * A copy for protocols that never send the CAE flag (developer tools, managed identity):
     * requests with and without it share one cached token.
     *
     * @return the new source
     */
    public CachedTokenSource ignoringCae() {
        return new CachedTokenSource(cache, identity, scopes, tenants, protocol, refusal, false);
    }

    /**
     * Returns a token, from the cache when it holds a usable one, else fetched on this thread.
     *
     * @param request the request
     * @return a token that is not expired
     * @throws IllegalArgumentException if a scope or the tenant is refused by the rules
     * @throws dev.azid.CredentialException as the rules or the protocol throw
     */
    @Override
    public AccessToken getToken(TokenRequestContext request) {
        Prepared p = prepare(request);
        return cache.getToken(p.key(), request.claims() != null, p.fetcher());
    }

    /**
     * Asynchronous form of {@link #getToken}: completed on the calling thread when the cache
     * holds a usable token or the request is refused; otherwise the fetch runs on the executor.
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
        return cache.getTokenAsync(p.key(), request.claims() != null, p.fetcher());
    }

    /**
     * Applies the rules to a request without asking the cache, for flows that always go to the
     * identity provider (an explicit sign-in).
     *
     * @param request the request
     * @return the request with its checked scopes and chosen tenant
     * @throws IllegalArgumentException if a scope or the tenant is refused by the rules
     */
    public ResolvedRequest resolve(TokenRequestContext request) {
        return prepare(request).target();
    }

    /**
     * Where a request's token would be cached, without asking the cache or fetching: the key the
     * rules make for it and the credential's level shared with other processes. For diagnostics.
     *
     * @param request the request
     * @return the key and the level
     * @throws IllegalArgumentException if a scope or the tenant is refused by the rules
     * @throws dev.azid.CredentialException as the rules throw
     */
    public Lookup lookup(TokenRequestContext request) {
        Prepared p = prepare(request);
        return protocol.sharedLookup(p.target(), new Lookup(p.key(), cache.shared()));
    }

    /** Describes the credential as its protocol does (names settings, never secrets). */
    @Override
    public String toString() {
        return protocol.toString();
    }

    private Prepared prepare(TokenRequestContext request) {
        Prepared known = prepared.get(request);
        if (known != null) {
            return known;
        }
        List<String> checked = scopes.apply(request.scopes());
        ResolvedRequest target = new ResolvedRequest(tenants.resolve(request.tenantId()), checked, request);
        refusal.check(target);
        Prepared p = new Prepared(target, new CacheKey(identity, target.tenant() == null ? "" : target.tenant(),
                target.scopes(), caeInKey && request.enableCae()), () -> protocol.fetch(target));
        // Claims challenges are one-off; other requests repeat.
        if (request.claims() == null && prepared.size() < MAX_PREPARED) {
            prepared.putIfAbsent(request, p);
        }
        return p;
    }

    /**
     * Where a request's token is cached.
     *
     * @param key its key in the credential's cache
     * @param shared the credential's level shared with other processes, or one that says why there is none
     */
    public record Lookup(CacheKey key, SecondLevel shared) {
    }

    /** A checked request, its cache key, and its fetch. */
    private record Prepared(ResolvedRequest target, CacheKey key, TokenFetcher fetcher) {
    }

    /** Checks a request's scopes, with the credential's own rule and messages. */
    @FunctionalInterface
    public interface ScopeRule {

        /**
         * Checks the scopes.
         *
         * @param scopes the requested scopes
         * @return the scopes to fetch and key the cache on (the requested ones, or a normalised form)
         * @throws IllegalArgumentException if a scope, or their number, is not allowed
         */
        List<String> apply(List<String> scopes);
    }

    /** Chooses the tenant of a request, with the credential's own rule and messages. */
    @FunctionalInterface
    public interface TenantRule {

        /** For credentials without tenants (managed identity): the requested tenant is ignored. */
        TenantRule NONE = requested -> null;

        /**
         * Chooses the tenant.
         *
         * @param requested the request's tenant, or {@code null}
         * @return the tenant to use, or {@code null} for none (the tool's or host's default)
         * @throws IllegalArgumentException if the requested tenant has characters that are not allowed
         * @throws dev.azid.AuthenticationFailedException if the requested tenant is not allowed
         */
        String resolve(String requested);
    }

    /** How one credential gets a new token: a token endpoint grant, a developer tool, a host endpoint. */
    @FunctionalInterface
    public interface Protocol {

        /**
         * Fetches a new token. Blocks; runs on the caller's thread or on the credential's executor.
         *
         * @param request the checked request
         * @return the token, with its refresh instant set
         */
        AccessToken fetch(ResolvedRequest request);

        /**
         * Where the protocol shares a request's token with other processes, for diagnostics: by
         * default the in-process cache's key and shared level; a protocol that shares under keys of
         * its own (a user's, named by the signed-in account) says so.
         *
         * @param request the checked request
         * @param inProcess the in-process cache's key and shared level
         * @return the key and level the request's token is shared under
         */
        default Lookup sharedLookup(ResolvedRequest request, Lookup inProcess) {
            return inProcess;
        }
    }

    /** Refuses a checked request that a protocol can never serve. */
    @FunctionalInterface
    public interface Refusal {

        /**
         * Checks the request; returns when it may be served.
         *
         * @param request the checked request
         * @throws RuntimeException a credential exception or {@link IllegalArgumentException} saying why
         */
        void check(ResolvedRequest request);
    }
}
