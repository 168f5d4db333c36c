package dev.azid.azure.identity;

/**
 * Builds an {@link AuthorizationCodeCredential}, with the methods of
 * {@code com.azure.identity.AuthorizationCodeCredentialBuilder}. Not thread-safe.
 */
public final class AuthorizationCodeCredentialBuilder extends EntraCompatBuilder<AuthorizationCodeCredentialBuilder> {

    private String authorizationCode;
    private String redirectUrl;
    private String clientSecret;

    /** Creates a builder with every default. */
    public AuthorizationCodeCredentialBuilder() {
    }

    /**
     * Sets the authorization code the redirect delivered (required); redeemed once.
     *
     * @param authCode the code
     * @return this builder
     */
    public AuthorizationCodeCredentialBuilder authorizationCode(String authCode) {
        this.authorizationCode = authCode;
        return this;
    }

    /**
     * Sets the redirect URL the code was sent to (required).
     *
     * @param redirectUrl the URL
     * @return this builder
     */
    public AuthorizationCodeCredentialBuilder redirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
        return this;
    }

    /**
     * Sets the web application's client secret (none for a public client).
     *
     * @param clientSecret the secret's value
     * @return this builder
     */
    public AuthorizationCodeCredentialBuilder clientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing setting
     */
    public AuthorizationCodeCredential build() {
        dev.azid.AuthorizationCodeCredential.Builder b = dev.azid.AuthorizationCodeCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        return new AuthorizationCodeCredential(b.authorizationCode(authorizationCode).redirectUrl(redirectUrl)
                .clientSecret(clientSecret).build());
    }
}
