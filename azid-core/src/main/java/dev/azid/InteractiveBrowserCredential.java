package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.signin.BrowserSignIn;
import dev.azid.internal.credential.PublicClients;
import dev.azid.internal.signin.SystemBrowser;
import dev.azid.internal.signin.UserTokenClient;
import dev.azid.internal.process.ProcessRunner;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Signs a user in through the system browser (authorization code + PKCE, loopback redirect on
 * {@code http://localhost:<port>}), then gets tokens for other scopes and renewals silently with the
 * refresh token. A random {@code state} is checked; the local listener takes exactly one valid
 * redirect and stops; it waits at most the timeout (default 5 minutes). When no browser can be
 * started the URL is printed to standard error. Thread-safe.
 */
public final class InteractiveBrowserCredential implements TokenCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "InteractiveBrowserCredential";

    /** The public client used when none is configured: the Azure CLI's, as Azure SDKs do for developer sign-in. */
    public static final String DEFAULT_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private final UserTokenClient client;

    private InteractiveBrowserCredential(UserTokenClient client) {
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

    /** Builds an {@link InteractiveBrowserCredential}. Not thread-safe. */
    public static final class Builder {
        private CredentialOptions options = CredentialOptions.defaults();
        private Variables variables = Variables.IGNORED;
        private String clientId = DEFAULT_CLIENT_ID;
        private String tenantId = "organizations";
        private String redirectUrl;
        private final Map<String, String> hints = new HashMap<>();
        private Consumer<URI> browser;
        private Duration timeout = Duration.ofMinutes(5);

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
         * Sets the redirect URL, {@code http://localhost[:port][/path]} registered for the app (default:
         * {@code http://localhost} on a free port).
         *
         * @param value the URL
         * @return this builder
         */
        public Builder redirectUrl(String value) {
            this.redirectUrl = value;
            return this;
        }

        /**
         * Pre-fills the user name on the sign-in page.
         *
         * @param value the user name
         * @return this builder
         */
        public Builder loginHint(String value) {
            hints.put("login_hint", value);
            return this;
        }

        /**
         * Sends the user to a federated domain's sign-in directly.
         *
         * @param value e.g. {@code organizations} or a domain
         * @return this builder
         */
        public Builder domainHint(String value) {
            hints.put("domain_hint", value);
            return this;
        }

        /**
         * Sets the {@code prompt} ({@code login}, {@code select_account}, {@code consent}, {@code none}).
         *
         * @param value the prompt
         * @return this builder
         */
        public Builder prompt(String value) {
            hints.put("prompt", value);
            return this;
        }

        /**
         * Sets how the sign-in page is opened (default: the system browser, else the URL is printed).
         *
         * @param value receives the authorize URL
         * @return this builder
         */
        public Builder browser(Consumer<URI> value) {
            this.browser = Objects.requireNonNull(value, "browser");
            return this;
        }

        /**
         * Sets how long to wait for the browser's redirect (default 5 minutes).
         *
         * @param value a positive duration
         * @return this builder
         */
        public Builder timeout(Duration value) {
            this.timeout = Objects.requireNonNull(value, "timeout");
            return this;
        }

        /** Falls back on {@code AZURE_AUTHORITY_HOST} when the options set no host (inside DefaultAzureCredential). */
        Builder readAuthorityHostVariable() {
            this.variables = Variables.AUTHORITY_HOST;
            return this;
        }

        /**
         * Builds the credential. Opens nothing and listens on nothing until a token is needed.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public InteractiveBrowserCredential build() {
            CredentialSettings settings = options.settings();
            URI redirect = redirectUrl == null ? null : BrowserSignIn.loopbackRedirect(NAME, redirectUrl);
            Consumer<URI> opener = browser != null ? browser
                    : new SystemBrowser(settings.environment(), System.getProperty("os.name", "Linux"), ProcessRunner.system());
            Map<String, String> fixedHints = java.util.Collections.unmodifiableMap(new HashMap<>(hints));
            return new InteractiveBrowserCredential(PublicClients.client(NAME, settings, variables, tenantId, clientId, timeout,
                    endpoint -> new BrowserSignIn(NAME, clientId.trim(), redirect, fixedHints, opener, timeout, endpoint),
                    persistence, record, automatic));
        }
    }
}
