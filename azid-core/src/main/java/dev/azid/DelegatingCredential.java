package dev.azid;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What every public credential that serves its tokens from one internal source shares: the two
 * {@code getToken} forms and {@code toString}, handed to that source unchanged. A subclass adds only
 * its name, its builder and its own methods. Package-private: not part of the API.
 */
abstract class DelegatingCredential implements TokenCredential {

    private final TokenCredential tokens;

    DelegatingCredential(TokenCredential tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Returns a token for the request, from the cache when it holds a usable one.
     *
     * @param request the scopes, tenant, claims and CAE flag of the request
     * @return a token that is not expired
     * @throws CredentialUnavailableException if the credential cannot be used in this environment
     * @throws AuthenticationFailedException if the identity provider or tool refused the request
     */
    @Override
    public final AccessToken getToken(TokenRequestContext request) {
        return tokens.getToken(request);
    }

    /**
     * Asynchronous form of {@link #getToken}: a cached token completes the future on the calling
     * thread; a fetch runs on the credential's executor; a refused request fails the future.
     *
     * @param request the request
     * @return the future token
     */
    @Override
    public final CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return tokens.getTokenAsync(request);
    }

    /** The source the calls are handed to, for {@link SharedTokenCache#inspect}. */
    final TokenCredential tokens() {
        return tokens;
    }

    /** Names the credential and its settings (tenant, client id, ...); never a secret. */
    @Override
    public String toString() {
        return tokens.toString();
    }
}
