package dev.azid.azure.identity;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the compatibility builders of the interactive user credentials (device code, browser) add,
 * as azid's {@code UserSignInBuilder} does for their azid builders: the account to sign in as
 * silently and whether {@code getToken} may start a sign-in. Package-private: the public builders
 * expose these methods as their own.
 *
 * @param <T> the builder
 */
abstract class UserSignInCompatBuilder<T extends UserSignInCompatBuilder<T>> extends EntraCompatBuilder<T> {

    private AuthenticationRecord record;
    private boolean automatic = true;

    UserSignInCompatBuilder() {
    }

    /**
     * Signs in silently as the recorded account, from the persistent cache.
     *
     * @param authenticationRecord the record from an earlier {@code authenticate()}
     * @return this builder
     */
    public T authenticationRecord(AuthenticationRecord authenticationRecord) {
        this.record = Objects.requireNonNull(authenticationRecord, "authenticationRecord");
        return self();
    }

    /**
     * Makes {@code getToken} fail with {@link AuthenticationRequiredException} instead of starting a
     * sign-in; the application calls {@code authenticate()} when it chooses.
     *
     * @return this builder
     */
    public T disableAutomaticAuthentication() {
        this.automatic = false;
        return self();
    }

    /** Sets the record and the automatic-authentication switch on the azid builder, when set here. */
    final void applyTo(Consumer<dev.azid.AuthenticationRecord> authenticationRecord, Runnable disableAutomatic) {
        if (record != null) {
            authenticationRecord.accept(record.azid());
        }
        if (!automatic) {
            disableAutomatic.run();
        }
    }
}
