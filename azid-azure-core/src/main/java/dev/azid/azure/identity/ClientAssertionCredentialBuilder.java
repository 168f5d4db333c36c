package dev.azid.azure.identity;

import java.util.function.Supplier;

/**
 * Builds a {@link ClientAssertionCredential}, with the methods of
 * {@code com.azure.identity.ClientAssertionCredentialBuilder}. Not thread-safe.
 */
public final class ClientAssertionCredentialBuilder extends EntraCompatBuilder<ClientAssertionCredentialBuilder> {

    private Supplier<String> clientAssertion;

    /** Creates a builder with every default. */
    public ClientAssertionCredentialBuilder() {
    }

    /**
     * Sets where each token request gets its client assertion, a JWT signed for the application
     * (required).
     *
     * @param clientAssertionSupplier the supplier, called for each token request
     * @return this builder
     */
    public ClientAssertionCredentialBuilder clientAssertion(Supplier<String> clientAssertionSupplier) {
        this.clientAssertion = clientAssertionSupplier;
        return this;
    }

    /**
     * Not supported yet: azid keeps this credential's tokens in memory only.
     *
     * @param tokenCachePersistenceOptions ignored
     * @return never
     * @throws UnsupportedOperationException always
     */
    public ClientAssertionCredentialBuilder tokenCachePersistenceOptions(
            TokenCachePersistenceOptions tokenCachePersistenceOptions) {
        throw Unsupported.persistentCache(builderName());
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing or invalid setting
     */
    public ClientAssertionCredential build() {
        return new ClientAssertionCredential(dev.azid.ClientAssertionCredential.builder().options(options())
                .tenantId(tenantId).clientId(clientId).clientAssertion(clientAssertion).build());
    }
}
