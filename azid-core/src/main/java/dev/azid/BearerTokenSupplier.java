package dev.azid;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Access tokens for clients that are not Azure SDK clients and want only the token text, for
 * example to put {@code "Bearer " + supplier.get()} in an {@code Authorization} header. Each
 * {@link #get()} asks the credential, so it is served from the credential's cache and refreshed
 * before expiry; it blocks only when a token must be fetched. Like
 * {@code com.azure.identity.AuthenticationUtil.getBearerTokenSupplier}, it supplies the token
 * without the {@code Bearer} prefix. Thread-safe.
 */
public final class BearerTokenSupplier implements Supplier<String> {

    private final TokenCredential credential;
    private final TokenRequestContext request;

    private BearerTokenSupplier(TokenCredential credential, TokenRequestContext request) {
        this.credential = credential;
        this.request = request;
    }

    /**
     * A supplier of tokens for the given scopes.
     *
     * @param credential the credential that gets the tokens
     * @param scopes the scopes, at least one, such as {@code https://cognitiveservices.azure.com/.default}
     * @return the supplier
     * @throws IllegalArgumentException if no scope is given or a scope is blank
     */
    public static BearerTokenSupplier of(TokenCredential credential, String... scopes) {
        Objects.requireNonNull(credential, "credential");
        if (scopes == null || scopes.length == 0) {
            throw new IllegalArgumentException("BearerTokenSupplier: no scope was given. Pass the resource's scope, "
                    + "such as https://cognitiveservices.azure.com/.default.");
        }
        return of(credential, TokenRequestContext.builder().scopes(List.of(scopes)).build());
    }

    /**
     * A supplier of tokens for a request (scopes, tenant, claims).
     *
     * @param credential the credential that gets the tokens
     * @param request the request
     * @return the supplier
     */
    public static BearerTokenSupplier of(TokenCredential credential, TokenRequestContext request) {
        return new BearerTokenSupplier(Objects.requireNonNull(credential, "credential"),
                Objects.requireNonNull(request, "request"));
    }

    /**
     * The current access token's text.
     *
     * @return the token, without the {@code Bearer} prefix
     * @throws CredentialUnavailableException if the credential cannot be used here
     * @throws AuthenticationFailedException if authentication failed
     */
    @Override
    public String get() {
        return credential.getToken(request).token();
    }

    /** Names the credential and the scopes; never a token. */
    @Override
    public String toString() {
        return "BearerTokenSupplier[" + credential + ", " + request.scopes() + "]";
    }
}
