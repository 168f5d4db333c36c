package dev.azid.azure.identity;

/**
 * Builds a {@link UsernamePasswordCredential}, with the methods of
 * {@code com.azure.identity.UsernamePasswordCredentialBuilder}. Not thread-safe.
 */
public final class UsernamePasswordCredentialBuilder extends EntraCompatBuilder<UsernamePasswordCredentialBuilder> {

    private String username;
    private String password;

    /** Creates a builder with every default. */
    public UsernamePasswordCredentialBuilder() {
    }

    /**
     * Sets the user's sign-in name (required).
     *
     * @param username the username
     * @return this builder
     */
    public UsernamePasswordCredentialBuilder username(String username) {
        this.username = username;
        return this;
    }

    /**
     * Sets the user's password (required).
     *
     * @param password the password
     * @return this builder
     */
    public UsernamePasswordCredentialBuilder password(String password) {
        this.password = password;
        return this;
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing setting
     */
    public UsernamePasswordCredential build() {
        dev.azid.UsernamePasswordCredential.Builder b = dev.azid.UsernamePasswordCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        return new UsernamePasswordCredential(b.username(username).password(password).build());
    }
}
