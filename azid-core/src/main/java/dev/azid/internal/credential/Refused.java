package dev.azid.internal.credential;

import dev.azid.AccessToken;
import dev.azid.TokenCredential;
import dev.azid.TokenRequestContext;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The tokens of a credential whose configuration was found unusable when it was built: every
 * request fails with the same problem, thrown by {@code getToken} and completing the future of
 * {@code getTokenAsync} exceptionally. Building never throws for what only matters at token time,
 * so that a chain can still move on.
 */
public final class Refused implements TokenCredential {

    private final RuntimeException problem;
    private final String description;

    /**
     * Creates it.
     *
     * @param problem a {@link dev.azid.CredentialUnavailableException} or
     *     {@link dev.azid.AuthenticationFailedException} whose message says what is wrong and what to do
     * @param description what {@link #toString()} returns, such as {@code WorkloadIdentityCredential[unavailable]}
     */
    public Refused(RuntimeException problem, String description) {
        this.problem = Objects.requireNonNull(problem, "problem");
        this.description = Objects.requireNonNull(description, "description");
    }

    /**
     * Always throws.
     *
     * @param request the request
     * @return never
     */
    @Override
    public AccessToken getToken(TokenRequestContext request) {
        throw problem;
    }

    /**
     * Always fails.
     *
     * @param request the request
     * @return a future completed exceptionally with the problem
     */
    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return CompletableFuture.failedFuture(problem);
    }

    @Override
    public String toString() {
        return description;
    }
}
