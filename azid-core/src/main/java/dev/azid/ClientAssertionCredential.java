package dev.azid;

import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.AssertionAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.redact.Redactor;
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
public final class ClientAssertionCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "ClientAssertionCredential";

    private ClientAssertionCredential(ConfidentialClient client) {
        super(client.tokens());
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ClientAssertionCredential}. Not thread-safe. {@code tenantId} and {@code clientId} are required.
     */
    public static final class Builder extends EntraCredentialBuilder<Builder> {
        private Supplier<String> assertion;

        private Builder() {
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
                    Fingerprints.sha256("assertion supplier"), settings.clock());
            // The assertions change; each one sent is masked through the request it is sent in.
            return new ClientAssertionCredential(ConfidentialClients.create(NAME, settings, tenantId, clientId, auth,
                    Redactor.SHAPES, persistence));
        }
    }
}
