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
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming a missing or invalid setting
     */
    public ClientAssertionCredential build() {
        dev.azid.ClientAssertionCredential.Builder b = dev.azid.ClientAssertionCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        return new ClientAssertionCredential(b.clientAssertion(clientAssertion).build());
    }
}
