package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.RetryOptions;
import dev.azid.internal.signin.DeviceCodeSignIn;
import dev.azid.internal.credential.PublicClients;
import dev.azid.internal.signin.UserTokenClient;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Signs a user in with the device code flow: the user opens a page on any device and enters a
 * code, while this process polls. For machines without a browser (SSH sessions, containers). The
 * code goes to the prompt callback (default: Entra ID's message printed to standard error). Later
 * scopes and renewals use the refresh token silently. Interrupt the calling thread to cancel.
 * Thread-safe.
 */
public final class DeviceCodeCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "DeviceCodeCredential";

    private final UserTokenClient client;

    private DeviceCodeCredential(UserTokenClient client) {
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

    /**
     * The signed-in user's name, once signed in.
     *
     * @return the user name, or empty
     */
    public java.util.Optional<String> username() {
        return client.account().map(a -> a.username());
    }

    /**
     * Signs the user in now, interactively, and returns a record of the account (no secrets) that a
     * later process can pass to {@code authenticationRecord(...)} to sign in silently from a
     * persistent cache.
     *
     * @param request the scopes to sign in for
     * @return the record
     */
    public AuthenticationRecord authenticate(TokenRequestContext request) {
        return client.authenticate(request);
    }

    @Override
    public String toString() {
        return client.toString();
    }

    /** Builds a {@link DeviceCodeCredential}. Not thread-safe. */
    public static final class Builder {
        private CredentialOptions options = CredentialOptions.defaults();
        private String clientId = InteractiveBrowserCredential.DEFAULT_CLIENT_ID;
        private String tenantId = "organizations";
        private Consumer<DeviceCodeInfo> prompt = info -> System.err.println(info.message());
        private Duration timeout = Duration.ofMinutes(15);

        private TokenCachePersistenceOptions persistence;
        private AuthenticationRecord record;
        private boolean automatic = true;

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
         * Keeps the user's refresh and access tokens in a persistent cache, so other processes can sign in silently.
         *
         * @param value the cache
         * @return this builder
         */
        public Builder tokenCachePersistenceOptions(TokenCachePersistenceOptions value) {
            this.persistence = Objects.requireNonNull(value, "tokenCachePersistenceOptions");
            return this;
        }

        /**
         * Signs in silently as this account when the persistent cache holds it.
         *
         * @param value a record from {@code authenticate()}
         * @return this builder
         */
        public Builder authenticationRecord(AuthenticationRecord value) {
            this.record = Objects.requireNonNull(value, "authenticationRecord");
            return this;
        }

        /**
         * Makes {@code getToken} fail instead of starting an interactive sign-in; call
         * {@code authenticate()} explicitly.
         *
         * @return this builder
         */
        public Builder disableAutomaticAuthentication() {
            this.automatic = false;
            return this;
        }

        /**
         * Sets the public client application (default: the Azure CLI's).
         *
         * @param value the client id
         * @return this builder
         */
        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        /**
         * Sets the tenant (default {@code organizations}).
         *
         * @param value the tenant
         * @return this builder
         */
        public Builder tenantId(String value) {
            this.tenantId = value;
            return this;
        }

        /**
         * Sets what receives the code to show the user (default: print Entra ID's message to standard error).
         *
         * @param value the prompt
         * @return this builder
         */
        public Builder challengeConsumer(Consumer<DeviceCodeInfo> value) {
            this.prompt = Objects.requireNonNull(value, "challengeConsumer");
            return this;
        }

        /**
         * Sets the most time to wait for the user (default 15 minutes, and never past the code's expiry).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /**
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public DeviceCodeCredential build() {
            CredentialSettings settings = options.settings();
            return new DeviceCodeCredential(PublicClients.client(NAME, settings, Variables.IGNORED, tenantId, clientId, timeout,
                    endpoint -> new DeviceCodeSignIn(NAME, clientId.trim(), prompt, timeout,
                            settings.pipeline(RetryOptions.DEFAULT), endpoint, settings.clock(), settings.sleeper()),
                    persistence, record, automatic));
        }
    }
}
