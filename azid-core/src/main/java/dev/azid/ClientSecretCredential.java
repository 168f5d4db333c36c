package dev.azid;

import dev.azid.http.HttpTransport;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.Sleeper;
import dev.azid.internal.oauth2.ClientSecretAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.redact.Redactor;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.DoubleSupplier;

/**
 * Authenticates an application (service principal) with a client secret, using the OAuth 2.0
 * client credentials grant.
 *
 * <pre>{@code
 * TokenCredential credential = ClientSecretCredential.builder()
 *         .tenantId("contoso.onmicrosoft.com")
 *         .clientId("00000000-0000-0000-0000-000000000000")
 *         .clientSecret(secret)
 *         .build();
 * AccessToken token = credential.getToken(TokenRequestContext.of("https://management.azure.com/.default"));
 * }</pre>
 *
 * <p>Tokens are cached per tenant and scope and refreshed before they expire. Thread-safe.
 * Building performs no I/O; the first {@code getToken} does.
 */
public final class ClientSecretCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "ClientSecretCredential";

    private final ConfidentialClient client;

    private ClientSecretCredential(ConfidentialClient client) {
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

    /** Names the tenant and client id; never the secret. */
    @Override
    public String toString() {
        return client.toString();
    }

    /** Builds a {@link ClientSecretCredential}. Not thread-safe. */
    public static final class Builder {
        private final CredentialSettings settings = new CredentialSettings();
        private String tenantId;
        private String clientId;
        private String clientSecret;

        private Builder() {
        }

        /**
         * Sets the directory (tenant) id or domain (required).
         *
         * @param tenantId a GUID or a domain such as {@code contoso.onmicrosoft.com}
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
         * Sets the client secret's value (required).
         *
         * @param clientSecret the secret value, not its id
         * @return this builder
         */
        public Builder clientSecret(String clientSecret) {
            this.clientSecret = clientSecret;
            return this;
        }

        /**
         * Sets the Entra ID authority host (default {@code https://login.microsoftonline.com}).
         * HTTPS is required except on a loopback host.
         *
         * @param authorityHost for example {@code https://login.microsoftonline.us}
         * @return this builder
         */
        public Builder authorityHost(String authorityHost) {
            settings.authorityHost(authorityHost);
            return this;
        }

        /**
         * Uses the authority host of a cloud.
         *
         * @param cloud the cloud
         * @return this builder
         */
        public Builder cloud(AzureCloud cloud) {
            settings.authorityHost(cloud.authorityHost().toString());
            return this;
        }

        /**
         * Allows tokens for these tenants too, when a request names them; {@code *} allows any.
         *
         * @param tenants tenant ids or domains
         * @return this builder
         */
        public Builder additionallyAllowedTenants(String... tenants) {
            settings.additionallyAllowedTenants(Arrays.asList(tenants));
            return this;
        }

        /**
         * Sets the HTTP transport (default: {@link HttpTransport#defaultTransport()}, created on
         * first use).
         *
         * @param transport the transport
         * @return this builder
         */
        public Builder httpTransport(HttpTransport transport) {
            settings.transport(transport);
            return this;
        }

        /**
         * Sets the executor for {@code getTokenAsync} and background refreshes (default: azid's
         * shared daemon pool).
         *
         * @param executor the executor
         * @return this builder
         */
        public Builder executor(Executor executor) {
            settings.executor(executor);
            return this;
        }

        CredentialSettings settings() {
            return settings;
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
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming the setting, if one is missing or invalid
         */
        public ClientSecretCredential build() {
            return new ClientSecretCredential(buildClient(NAME));
        }

        ConfidentialClient buildClient(String name) {
            if (clientSecret == null || clientSecret.isEmpty()) {
                throw new IllegalArgumentException(name + ": clientSecret is not set. Call clientSecret(...) with the "
                        + "value of a client secret of the app registration.");
            }
            return ConfidentialClients.create(name, settings, tenantId, clientId,
                    new ClientSecretAuthentication(clientSecret),
                    Redactor.withSecrets(clientSecret).andBasic(clientId == null ? null : clientId.trim(), clientSecret));
        }
    }
}
