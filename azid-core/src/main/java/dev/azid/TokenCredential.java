package dev.azid;

import java.util.concurrent.CompletableFuture;

/**
 * Something that can obtain a Microsoft Entra ID access token.
 *
 * <p>Every azid credential implements this interface; so can applications, for example to plug a
 * token source of their own into a {@code ChainedTokenCredential}. Implementations must be safe
 * for concurrent use.
 *
 * <p>Failures are reported with exactly two exception types:
 * <ul>
 *   <li>{@link CredentialUnavailableException}: the credential cannot try in this environment
 *       (for example a missing environment variable). A chain moves on to the next credential.</li>
 *   <li>{@link AuthenticationFailedException}: the credential tried and was refused, or is
 *       misconfigured. A chain stops and reports it.</li>
 * </ul>
 * Any other exception is a bug and propagates unchanged. An interrupted caller gets a
 * {@link java.util.concurrent.CancellationException} with the interrupt flag restored.
 */
public interface TokenCredential {

    /**
     * Returns an access token for the request, from the credential's cache when it holds one that
     * is not due for refresh, otherwise from the identity provider. Blocks the calling thread while
     * a token is fetched.
     *
     * @param request the scopes, tenant and claims wanted
     * @return a token that is not expired
     * @throws CredentialUnavailableException if this credential cannot be used here
     * @throws AuthenticationFailedException if authentication was attempted and failed
     * @throws IllegalArgumentException if the request holds a scope or tenant with characters that
     *     are not allowed
     */
    AccessToken getToken(TokenRequestContext request);

    /**
     * Asynchronous form of {@link #getToken}. A cached token completes the future immediately on
     * the calling thread; otherwise the blocking work runs on the credential's executor (see the
     * credential's builder; by default a small shared pool of daemon threads owned by azid, never
     * {@link java.util.concurrent.ForkJoinPool#commonPool()}), so the caller's thread is never
     * blocked. Failures complete the future exceptionally with the exceptions of {@link #getToken}.
     *
     * <p>The default implementation runs {@link #getToken} on azid's shared executor.
     *
     * @param request the scopes, tenant and claims wanted
     * @return a future completed with a token that is not expired
     */
    default CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return CompletableFuture.supplyAsync(
                () -> getToken(request), dev.azid.internal.util.AzidExecutors.shared());
    }
}
