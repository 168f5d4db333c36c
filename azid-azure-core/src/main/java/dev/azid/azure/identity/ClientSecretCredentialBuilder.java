package dev.azid.azure.identity;

/**
 * Builds a {@link ClientSecretCredential}, with the methods of
 * {@code com.azure.identity.ClientSecretCredentialBuilder}. Not thread-safe.
 *
 * <pre>{@code
 * ClientSecretCredential credential = new ClientSecretCredentialBuilder()
 *         .tenantId(tenantId).clientId(clientId).clientSecret(secret)
 *         .build();
 * }</pre>
 */
public final class ClientSecretCredentialBuilder extends EntraCompatBuilder<ClientSecretCredentialBuilder> {

    private String clientSecret;

    /** Creates a builder with every default. */
    public ClientSecretCredentialBuilder() {
    }

    /**
     * Sets the client secret (required).
     *
     * @param clientSecret the secret's value
     * @return this builder
     */
    public ClientSecretCredentialBuilder clientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
        return this;
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing or invalid setting
     */
    public ClientSecretCredential build() {
        dev.azid.ClientSecretCredential.Builder b = dev.azid.ClientSecretCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        return new ClientSecretCredential(b.clientSecret(clientSecret).build());
    }
}
