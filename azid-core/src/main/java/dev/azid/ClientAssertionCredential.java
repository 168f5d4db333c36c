package dev.azid;

import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.AssertionAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.redact.Redactor;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Authenticates an application with a client assertion that the caller supplies: a federated
 * token from another identity provider (Kubernetes, GitHub Actions, another cloud) or a JWT signed
 * elsewhere (an HSM, a key vault).
 *
 * <p>The supplier is called on the token request that needs an assertion; its result is reused
 * until 5 minutes before the assertion's {@code exp} (or called every time when the assertion is
 * not a JWT with {@code exp}). It may block; exceptions it throws propagate. Thread-safe.
 */
public final class ClientAssertionCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "ClientAssertionCredential";

    private final ConfidentialClient client;

    private ClientAssertionCredential(ConfidentialClient client) {
        this.client = client;
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AccessToken getToken(TokenRequestContext request) {
        return client.getToken(request);
    }

    @Override
    public CompletableFuture<AccessToken> getTokenAsync(TokenRequestContext request) {
        return client.getTokenAsync(request);
    }

    @Override
    public String toString() {
        return client.toString();
    }

    /** Builds a {@link ClientAssertionCredential}. Not thread-safe. */
    public static final class Builder {
        private CredentialOptions options = CredentialOptions.defaults();
        private String tenantId;
        private String clientId;
        private Supplier<String> assertion;

        private Builder() {
        }

        /**
         * Sets what this credential shares with every credential: authority host or cloud, HTTP
         * transport, executor, environment, additionally allowed tenants (default
         * {@link CredentialOptions#defaults()}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder options(CredentialOptions options) {
            this.options = java.util.Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets the directory (tenant) id or domain (required).
         *
         * @param tenantId a GUID or a domain
         * @return this builder
         */
        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        /**
         * Sets the application (client) id (required).
         *
         * @param clientId the client id
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        /**
         * Sets the supplier of client assertions (required).
         *
         * @param assertion returns a signed JWT
         * @return this builder
         */
        public Builder clientAssertion(Supplier<String> assertion) {
            this.assertion = assertion;
            return this;
        }

        /**
         * Builds the credential. Calls no supplier and performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming the setting, if one is missing or invalid
         */
        public ClientAssertionCredential build() {
            CredentialSettings settings = options.settings();
            if (assertion == null) {
                throw new IllegalArgumentException(NAME + ": clientAssertion is not set. Call clientAssertion(() -> jwt).");
            }
            AssertionAuthentication auth = new AssertionAuthentication(NAME, assertion,
                    Fingerprints.sha256("supplier:" + System.identityHashCode(assertion)), settings.clock());
            // The assertions change; each one sent is masked through the request it is sent in.
            return new ClientAssertionCredential(ConfidentialClients.create(NAME, settings, tenantId, clientId, auth,
                    Redactor.SHAPES));
        }
    }
}
