package dev.azid.azure.identity;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Builds an {@link InteractiveBrowserCredential}, with the methods of
 * {@code com.azure.identity.InteractiveBrowserCredentialBuilder}. Defaults: the Azure CLI's public
 * client id, the {@code organizations} tenant, a loopback redirect on a free port, the system
 * browser, azid's own pages after sign-in. Not thread-safe.
 */
public final class InteractiveBrowserCredentialBuilder extends UserSignInCompatBuilder<InteractiveBrowserCredentialBuilder> {

    private String redirectUrl;
    private String loginHint;
    private Integer port;
    private BrowserCustomizationOptions pages;
    private Consumer<URI> browser;

    /** Creates a builder with every default. */
    public InteractiveBrowserCredentialBuilder() {
    }

    /**
     * Receives the redirect on {@code http://localhost:<port>}, which the application registration
     * must list (default: a free port). A {@link #redirectUrl} wins over this.
     *
     * @param port 1 to 65535, checked by {@link #build()}
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder port(int port) {
        this.port = port;
        return this;
    }

    /**
     * Sets the loopback redirect URL the application registration lists (default: a free port on
     * {@code http://localhost}).
     *
     * @param redirectUrl for example {@code http://localhost:8400}
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder redirectUrl(String redirectUrl) {
        this.redirectUrl = redirectUrl;
        return this;
    }

    /**
     * Fills the sign-in page's username.
     *
     * @param loginHint the username
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder loginHint(String loginHint) {
        this.loginHint = loginHint;
        return this;
    }

    /**
     * Shows these HTML documents in the browser after a successful or failed sign-in instead of azid's
     * pages; a message left unset keeps azid's page. In the error page, {@code {0}} and {@code {1}}
     * become the OAuth error and its description, HTML-escaped.
     *
     * @param browserCustomizationOptions the pages
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder browserCustomizationOptions(
            BrowserCustomizationOptions browserCustomizationOptions) {
        this.pages = Objects.requireNonNull(browserCustomizationOptions, "browserCustomizationOptions");
        return this;
    }

    /** Opens the sign-in page with this instead of the system browser (tests). */
    InteractiveBrowserCredentialBuilder browser(Consumer<URI> browser) {
        this.browser = Objects.requireNonNull(browser, "browser");
        return this;
    }

    /**
     * Builds the credential. Performs no I/O.
     *
     * @return the credential
     * @throws IllegalArgumentException naming an invalid setting
     */
    public InteractiveBrowserCredential build() {
        dev.azid.InteractiveBrowserCredential.Builder b = dev.azid.InteractiveBrowserCredential.builder().options(options());
        applyTo(b::tenantId, b::clientId, b::tokenCachePersistenceOptions);
        applyTo(b::authenticationRecord, b::disableAutomaticAuthentication);
        if (redirectUrl != null) {
            b.redirectUrl(redirectUrl);
        }
        if (port != null) {
            b.port(port);
        }
        if (loginHint != null) {
            b.loginHint(loginHint);
        }
        if (pages != null) {
            b.browserCustomizationOptions(new dev.azid.BrowserCustomizationOptions(pages.getSuccessMessage(),
                    pages.getErrorMessage()));
        }
        if (browser != null) {
            b.browser(browser);
        }
        return new InteractiveBrowserCredential(b.build());
    }
}
