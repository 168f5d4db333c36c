package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.oauth2.Authority;
import dev.azid.internal.credential.ConfidentialClients;
import dev.azid.internal.signin.PasswordGrantClient;
import dev.azid.internal.oauth2.Tenants;
import dev.azid.internal.redact.Redactor;

/**
 * Authenticates a user with a user name and password (the OAuth 2.0 resource owner password
 * credentials grant) through a public client application.
 *
 * <p><b>Deprecated by Microsoft:</b> it cannot satisfy multi-factor authentication, which Entra ID
 * requires for more and more accounts, and it does not work for federated or personal accounts.
 * Prefer a service principal, managed identity, or an interactive credential. Kept for
 * configurations that still use {@code AZURE_USERNAME}/{@code AZURE_PASSWORD}. Thread-safe.
 */
public final class UsernamePasswordCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "UsernamePasswordCredential";

    private final PasswordGrantClient client;

    private UsernamePasswordCredential(PasswordGrantClient client) {
        super(client.tokens());
        this.client = client;
    }

    /**
     * Exchanges the password for a token now, even when one is cached, and returns a record of the
     * account (no secrets), as the interactive credentials' {@code authenticate} does; the username
     * is the configured one when Entra ID's answer names none.
     *
     * @param request the scopes to sign in for
     * @return the record
     * @throws AuthenticationFailedException if Entra ID refuses the user or cannot be reached
     */
    public AuthenticationRecord authenticate(TokenRequestContext request) {
        return client.authenticate(java.util.Objects.requireNonNull(request, "request"));
    }

    /**
     * {@link #authenticate(TokenRequestContext)} for the management API of the credential's cloud, as
     * the interactive credentials' {@code authenticate()} does.
     *
     * @return the record
     * @throws CredentialUnavailableException if the authority host is of no named cloud: call
     *     {@link #authenticate(TokenRequestContext)} with the scope
     * @throws AuthenticationFailedException if Entra ID refuses the user or cannot be reached
     */
    public AuthenticationRecord authenticate() {
        return authenticate(AzureAuthorityHosts.defaultRequest(NAME, client.authorityHost()));
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
     * Builds a {@link UsernamePasswordCredential}. Not thread-safe. {@code tenantId} defaults to {@code
     * organizations}; {@code clientId} (a public client) is required.
     */
    public static final class Builder extends EntraCredentialBuilder<Builder> {
        private String username;
        private String password;

        private Builder() {
            tenantId = "organizations";
        }

        /**
         * Sets the user's name (required).
         *
         * @param username for example {@code alice@contoso.com}
         * @return this builder
         */
        public Builder username(String username) {
            this.username = username;
            return this;
        }

        /**
         * Sets the user's password (required).
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /**
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException naming the setting, if one is missing or invalid
         */
        public UsernamePasswordCredential build() {
            return new UsernamePasswordCredential(buildClient(NAME, options.settings(), Variables.SHARED, "tenantId"));
        }

        /** Builds the client; {@link EnvironmentCredential} names its variables as the sources. */
        PasswordGrantClient buildClient(String name, CredentialSettings settings, Variables variables, String tenantSource) {
            Tenants.validate(ConfidentialClients.require(tenantId, name, tenantSource, "a tenant id or organizations"),
                    name + ": " + tenantSource);
            ConfidentialClients.require(clientId, name, "clientId", "the public client application's id");
            ConfidentialClients.require(username, name, "username", "the user's name");
            if (password == null || password.isEmpty()) {
                throw new IllegalArgumentException(name + ": password is not set. Call password(...).");
            }
            Authority authority = settings.authority(name, tenantId);
            return new PasswordGrantClient(name, authority, clientId.trim(), username.trim(), password,
                    settings.tenantPolicy(name, variables),
                    settings.pipelines().tokenEndpoint(name, Redactor.withSecrets(password)), settings.caches().newCache(name, persistence, "", false));
        }
    }
}
