package dev.azid;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings that the builders of the interactive user credentials (device code, browser)
 * share on top of {@link EntraCredentialBuilder}: the account to sign in
 * as silently, whether {@code getToken} may start a sign-in, and how long a sign-in may wait. The
 * tenant defaults to {@code organizations} and the client to the Azure CLI's public client. With
 * {@link ClientSecretBuilder}, this is the deepest builder inheritance in azid: three package-private
 * levels ({@link CredentialBuilder}, {@link EntraCredentialBuilder}, this).
 *
 * @param <B> the credential's builder, returned by every setter for chaining
 */
abstract class UserSignInBuilder<B extends UserSignInBuilder<B>> extends EntraCredentialBuilder<B> {

    /** The account to sign in as silently, or {@code null}. */
    AuthenticationRecord record;
    /** Whether {@code getToken} may start an interactive sign-in. */
    boolean automatic = true;
    /** The most time one sign-in may wait for the user. */
    Duration timeout;

    UserSignInBuilder(Duration defaultTimeout) {
        tenantId = "organizations";
        clientId = InteractiveBrowserCredential.DEFAULT_CLIENT_ID;
        timeout = defaultTimeout;
    }

    /**
     * Signs in silently as this account when the persistent cache holds it.
     *
     * @param value a record from {@code authenticate()}
     * @return this builder
     */
    public final B authenticationRecord(AuthenticationRecord value) {
        this.record = Objects.requireNonNull(value, "authenticationRecord");
        return self();
    }

    /**
     * Makes {@code getToken} fail with {@link AuthenticationRequiredException} instead of starting
     * an interactive sign-in; call {@code authenticate()} explicitly.
     *
     * @return this builder
     */
    public final B disableAutomaticAuthentication() {
        this.automatic = false;
        return self();
    }

    /**
     * Sets the most time one sign-in may wait for the user (the default is stated on the credential).
     *
     * @param value a positive duration
     * @return this builder
     */
    public final B timeout(Duration value) {
        this.timeout = Objects.requireNonNull(value, "timeout");
        return self();
    }
}
