package dev.azid;

import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.Sleeper;
import dev.azid.internal.oauth2.AssertionAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.fingerprint.Fingerprints;
import dev.azid.internal.redact.Redactor;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;
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
        private final CredentialSettings settings = new CredentialSettings();
        private String tenantId;
        private String clientId;
        private Supplier<String> assertion;

        private Builder() {
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
         * Sets the Entra ID authority host (default {@code https://login.microsoftonline.com}).
         *
         * @param authorityHost the authority host
         * @return this builder
         */
        public Builder authorityHost(String authorityHost) {
            settings.authorityHost(authorityHost);
            return this;
        }

        /**
         * Allows tokens for these tenants too; {@code *} allows any.
         *
         * @param tenants tenant ids or domains
         * @return this builder
         */
        public Builder additionallyAllowedTenants(String... tenants) {
            settings.additionallyAllowedTenants(Arrays.asList(tenants));
            return this;
        }

        /**
         * Sets the HTTP transport.
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            settings.transport(transport);
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync} and background refreshes.
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            settings.executor(executor);
            return this;
        }

        Builder clock(Clock clock) {
            settings.clock(clock);
            return this;
        }

        Builder sleeper(Sleeper sleeper, DoubleSupplier jitter) {
            settings.sleeper(sleeper, jitter);
            return this;
        }

        /**
         * Builds the credential. Calls no supplier and performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming the setting, if one is missing or invalid
         */
        public ClientAssertionCredential build() {
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
