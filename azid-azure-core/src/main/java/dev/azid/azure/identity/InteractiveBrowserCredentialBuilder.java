package dev.azid.azure.identity;

import java.util.Objects;

/**
 * Builds an {@link InteractiveBrowserCredential}, with the methods of
 * {@code com.azure.identity.InteractiveBrowserCredentialBuilder}. Defaults: the Azure CLI's public
 * client id, the {@code organizations} tenant, a loopback redirect on a free port, the system
 * browser. Not thread-safe.
 */
public final class InteractiveBrowserCredentialBuilder extends EntraCompatBuilder<InteractiveBrowserCredentialBuilder> {

    private String redirectUrl;
    private String loginHint;
    private TokenCachePersistenceOptions persistence;
    private AuthenticationRecord record;
    private boolean automatic = true;

    /** Creates a builder with every default. */
    public InteractiveBrowserCredentialBuilder() {
    }

    /**
     * Receives the redirect on {@code http://localhost:<port>}, which the application registration
     * must list; the same as {@code redirectUrl("http://localhost:" + port)}.
     *
     * @param port the port
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder port(int port) {
        return redirectUrl("http://localhost:" + port);
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
     * Keeps the user's tokens in a persistent cache, shared between processes.
     *
     * @param tokenCachePersistenceOptions the cache
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder tokenCachePersistenceOptions(
            TokenCachePersistenceOptions tokenCachePersistenceOptions) {
        this.persistence = Objects.requireNonNull(tokenCachePersistenceOptions, "tokenCachePersistenceOptions");
        return this;
    }

    /**
     * Signs in silently as the recorded account, from the persistent cache.
     *
     * @param authenticationRecord the record from an earlier {@code authenticate()}
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder authenticationRecord(AuthenticationRecord authenticationRecord) {
        this.record = Objects.requireNonNull(authenticationRecord, "authenticationRecord");
        return this;
    }

    /**
     * Makes {@code getToken} fail with {@link AuthenticationRequiredException} instead of opening a
     * browser; the application calls {@code authenticate()} when it chooses.
     *
     * @return this builder
     */
    public InteractiveBrowserCredentialBuilder disableAutomaticAuthentication() {
        this.automatic = false;
        return this;
    }

    /**
     * Accepts options without messages; azid does not show custom pages yet.
     *
     * @param browserCustomizationOptions the options
     * @return this builder
     * @throws UnsupportedOperationException if a success or error message is set
     */
    public InteractiveBrowserCredentialBuilder browserCustomizationOptions(
            BrowserCustomizationOptions browserCustomizationOptions) {
        if (browserCustomizationOptions.getSuccessMessage() != null || browserCustomizationOptions.getErrorMessage() != null) {
            throw Unsupported.feature(builderName(), "browserCustomizationOptions(...)", "azid shows its own short "
                    + "success and error pages; remove the messages.");
        }
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
        if (tenantId != null) {
            b.tenantId(tenantId);
        }
        if (clientId != null) {
            b.clientId(clientId);
        }
        if (redirectUrl != null) {
            b.redirectUrl(redirectUrl);
        }
        if (loginHint != null) {
            b.loginHint(loginHint);
        }
        if (persistence != null) {
            b.tokenCachePersistenceOptions(persistence.azid(environment()));
        }
        if (record != null) {
            b.authenticationRecord(record.azid());
        }
        if (!automatic) {
            b.disableAutomaticAuthentication();
        }
        return new InteractiveBrowserCredential(b.build(), defaultScope());
    }
}
