package dev.azid.internal.devtools;

import dev.azid.AccessToken;
import dev.azid.AuthenticationFailedException;
import dev.azid.CredentialUnavailableException;
import dev.azid.TokenCredential;
import dev.azid.TokenRequestContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A developer-tool credential's tokens as a member of {@code DefaultAzureCredential}: a tool that
 * ran and failed ({@link AuthenticationFailedException}: an error exit, unreadable output, a
 * refused tenant) is reported as {@link CredentialUnavailableException} with the same message and
 * the failure as its cause, so the chain moves on to the next credential, as azure-identity does
 * for its chained developer credentials. A developer's tool is a convenience on their machine, not
 * a configured identity whose refusal must stop the chain.
 *
 * <p>Only that one exception kind is translated: bugs and invalid requests
 * ({@link IllegalArgumentException}) still propagate. Standalone credentials are never wrapped.
 */
public final class ChainMemberTokens implements TokenCredential {

    private final TokenCredential tokens;

    /**
     * Wraps a credential's token source.
     *
     * @param tokens the source
     */
    public ChainMemberTokens(TokenCredential tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Returns the source's token.
     *
     * @param request the request
     * @return the token
     * @throws CredentialUnavailableException if the tool is unavailable, or ran and failed
     */
    @Override
    public AccessToken getToken(TokenRequestContext request) {
        try {
            return tokens.getToken(request);
        } catch (AuthenticationFailedException e) {
            throw unavailable(e);
        }
    }

    /**
     * Asynchronous form of {@link #getToken}: the future fails with the same translation.
     *
     * @param request the request
     * @return the future token
     */
    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return tokens.getTokenAsync(request).exceptionallyCompose(error -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            return CompletableFuture.failedFuture(cause instanceof AuthenticationFailedException e ? unavailable(e) : error);
        });
    }

    /** @return the wrapped source, for diagnostics */
    public TokenCredential source() {
        return tokens;
    }

    private static CredentialUnavailableException unavailable(AuthenticationFailedException e) {
        return new CredentialUnavailableException(e.getMessage(), e);
    }

    /** Describes the credential as its source does (names settings, never secrets). */
    @Override
    public String toString() {
        return tokens.toString();
    }
}
