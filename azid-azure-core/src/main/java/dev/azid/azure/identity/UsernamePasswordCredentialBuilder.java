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
     * Not supported yet: azid keeps this credential's tokens in memory only.
     *
     * @param tokenCachePersistenceOptions ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public UsernamePasswordCredentialBuilder tokenCachePersistenceOptions(
            TokenCachePersistenceOptions tokenCachePersistenceOptions) {
        throw Unsupported.persistentCache(builderName());
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing setting
     */
    public UsernamePasswordCredential build() {
        return new UsernamePasswordCredential(dev.azid.UsernamePasswordCredential.builder().options(options())
                .tenantId(tenantId).clientId(clientId).username(username).password(password).build());
    }
}
