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
import java.util.function.Consumer;

/**
 * Signs a user in through the system browser (authorization code + PKCE, loopback redirect on
 * {@code http://localhost:<port>}), then gets tokens for other scopes and renewals silently with the
 * refresh token. A random {@code state} is checked; the local listener takes exactly one valid
 * redirect and stops; it waits at most the timeout (default 5 minutes). When no browser can be
 * started the URL is printed to standard error. Thread-safe.
 */
public final class InteractiveBrowserCredential extends UserSignInCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "InteractiveBrowserCredential";

    /** The public client used when none is configured: the Azure CLI's, as Azure SDKs do for developer sign-in. */
    public static final String DEFAULT_CLIENT_ID = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    private InteractiveBrowserCredential(UserTokenClient client) {
        super(client);
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
     * Builds an {@link InteractiveBrowserCredential}. Not thread-safe. {@code tenantId} defaults to {@code
     * organizations}, {@code clientId} to the Azure CLI's public client. The sign-in waits at most {@code timeout}, default 5 minutes.
     */
    public static final class Builder extends UserSignInBuilder<Builder> {
        private String redirectUrl;
        private final Map<String, String> hints = new HashMap<>();
        private Consumer<URI> browser;
        private Integer port;
        private BrowserCustomizationOptions pages = new BrowserCustomizationOptions(null, null);

        private Builder() {
            super(Duration.ofMinutes(5));
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
         * Listens for the redirect on {@code http://localhost:<port>}, which must be registered for the
         * app (default: a free port). A {@link #redirectUrl(String)} wins over this.
         *
         * @param value 1 to 65535
         * @return this builder
         */
        public Builder port(int value) {
            this.port = value;
            return this;
        }

        /**
         * Sets the pages the browser shows when the sign-in comes back (default: azid's short pages).
         *
         * @param value the success and error pages
         * @return this builder
         */
        public Builder browserCustomizationOptions(BrowserCustomizationOptions value) {
            this.pages = Objects.requireNonNull(value, "browserCustomizationOptions");
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
         * Builds the credential. Opens nothing and listens on nothing until a token is needed.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public InteractiveBrowserCredential build() {
            CredentialSettings settings = options.settings();
            if (redirectUrl == null && port != null && (port < 1 || port > 65535)) {
                throw new IllegalArgumentException(NAME + ": port must be from 1 to 65535, not " + port
                        + ". Give the port of the redirect URL registered for the app.");
            }
            String url = redirectUrl != null ? redirectUrl : port != null ? "http://localhost:" + port : null;
            URI redirect = url == null ? null : BrowserSignIn.loopbackRedirect(NAME, url);
            Consumer<URI> opener = browser != null ? browser
                    : new SystemBrowser(settings.environment(), System.getProperty("os.name", "Linux"), ProcessRunner.system());
            Map<String, String> fixedHints = java.util.Collections.unmodifiableMap(new HashMap<>(hints));
            return new InteractiveBrowserCredential(PublicClients.client(NAME, settings, Variables.SHARED, tenantId, clientId, timeout,
                    endpoint -> new BrowserSignIn(NAME, clientId.trim(), redirect, fixedHints, opener, timeout, endpoint,
                            pages.htmlMessageSuccess(), pages.htmlMessageError()),
                    persistence, record, automatic));
        }
    }
}
