package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings.Sourced;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.ConfidentialClient;
import dev.azid.internal.credential.ConfidentialClients;

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
public final class ClientSecretCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "ClientSecretCredential";

    private ClientSecretCredential(ConfidentialClient client) {
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
     * Builds a {@link ClientSecretCredential}. Not thread-safe. {@code tenantId}, {@code clientId} and
     * {@code clientSecret} are required.
     */
    public static final class Builder extends ClientSecretBuilder<Builder> {

        private Builder() {
        }

        /**
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming the setting, if one is missing or invalid
         */
        public ClientSecretCredential build() {
            return new ClientSecretCredential(buildClient(NAME, options.settings(), Variables.SHARED, "tenantId"));
        }

        /** Builds the client; {@link EnvironmentCredential} names its variables as the sources. */
        ConfidentialClient buildClient(String name, CredentialSettings settings, Variables variables, String tenantSource) {
            if (clientSecret == null || clientSecret.isEmpty()) {
                throw new IllegalArgumentException(name + ": clientSecret is not set. Call clientSecret(...) with the "
                        + "value of a client secret of the app registration.");
            }
            return ConfidentialClients.create(name, settings, variables, new Sourced<>(tenantId, tenantSource), clientId,
                    secretAuthentication(), secretRedactor(clientId == null ? null : clientId.trim()), persistence);
        }
    }
}
