package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings.Sourced;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.ClientSecretAuthentication;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.redact.Redactor;
import java.util.concurrent.CompletableFuture;

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
        private CredentialOptions options = CredentialOptions.defaults();
        private String tenantId;
        private String clientId;
        private String clientSecret;

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
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming the setting, if one is missing or invalid
         */
        public ClientSecretCredential build() {
            return new ClientSecretCredential(buildClient(NAME, options.settings(), Variables.IGNORED, "tenantId", null));
        }

        /** Builds the client; {@link EnvironmentCredential} names its variables as the sources. */
        ConfidentialClient buildClient(String name, CredentialSettings settings, Variables variables, String tenantSource,
                String region) {
            if (clientSecret == null || clientSecret.isEmpty()) {
                throw new IllegalArgumentException(name + ": clientSecret is not set. Call clientSecret(...) with the "
                        + "value of a client secret of the app registration.");
            }
            return ConfidentialClients.create(name, settings, variables, new Sourced<>(tenantId, tenantSource), clientId,
                    region, new ClientSecretAuthentication(clientSecret),
                    Redactor.withSecrets(clientSecret).andBasic(clientId == null ? null : clientId.trim(), clientSecret));
        }
    }
}
