package dev.azid;

import dev.azid.internal.credential.CredentialSettings.Variables;
import dev.azid.internal.credential.CredentialSettings;
import dev.azid.internal.http.RetryPolicy;
import dev.azid.internal.signin.DeviceCodeSignIn;
import dev.azid.internal.credential.PublicClients;
import dev.azid.internal.signin.UserTokenClient;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Signs a user in with the device code flow: the user opens a page on any device and enters a
 * code, while this process polls. For machines without a browser (SSH sessions, containers). The
 * code goes to the prompt callback (default: Entra ID's message printed to standard error). Later
 * scopes and renewals use the refresh token silently. Interrupt the calling thread to cancel.
 * Thread-safe.
 */
public final class DeviceCodeCredential extends UserSignInCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "DeviceCodeCredential";

    private DeviceCodeCredential(UserTokenClient client) {
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
     * Builds a {@link DeviceCodeCredential}. Not thread-safe. {@code tenantId} defaults to {@code
     * organizations}, {@code clientId} to the Azure CLI's public client. The sign-in waits at most {@code timeout}, default 15 minutes and never past the code's expiry.
     */
    public static final class Builder extends UserSignInBuilder<Builder> {
        private Consumer<DeviceCodeInfo> prompt = info -> System.err.println(info.message());

        private Builder() {
            super(Duration.ofMinutes(15));
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
         * Builds the credential. Performs no I/O.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public DeviceCodeCredential build() {
            CredentialSettings settings = options.settings();
            return new DeviceCodeCredential(PublicClients.client(NAME, settings, Variables.SHARED, tenantId, clientId, timeout,
                    endpoint -> new DeviceCodeSignIn(NAME, clientId.trim(), prompt, timeout,
                            settings.pipelines().pipeline(RetryPolicy.DEFAULT), endpoint, settings.clock(), settings.sleeper()),
                    persistence, record, automatic));
        }
    }
}
