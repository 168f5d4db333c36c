package dev.azid;

import dev.azid.internal.devtools.AzureDeveloperCliClient;
import java.time.Duration;

/**
 * Gets tokens from the Azure Developer CLI's signed-in account: runs
 * {@code azd auth token --output json --no-prompt --scope=S... [--tenant-id=T]} from an argument
 * list (never a shell), with {@code azd} resolved in the absolute directories of {@code PATH}, and
 * a timeout (default 20 s) after which the process tree is killed. Scopes and tenants are checked
 * against safe character sets, and one starting with {@code -} (which the tool could read as an
 * option) is refused with {@link IllegalArgumentException}.
 *
 * <p>Unavailable when {@code azd} is not installed, not signed in ({@code azd auth login}), or too
 * slow; failed when it runs and reports another error. Thread-safe.
 * Inside {@link DefaultAzureCredential} a run that fails is reported as unavailable instead
 * (same message, the failure as cause), so the chain moves on, as in azure-identity.
 */
public final class AzureDeveloperCliCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzureDeveloperCliCredential";

    /** The default time one run of the tool may take: 20 s, as for every developer-tool credential. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = DeveloperToolBuilder.DEFAULT_PROCESS_TIMEOUT;

    private AzureDeveloperCliCredential(TokenCredential tokens) {
        super(tokens);
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link AzureDeveloperCliCredential}. Not thread-safe. */
    public static final class Builder extends DeveloperToolBuilder<Builder> {

        private Builder() {
        }

        /**
         * Builds the credential. Runs nothing.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public AzureDeveloperCliCredential build() {
            return new AzureDeveloperCliCredential(tokens(NAME, AzureDeveloperCliClient::new));
        }
    }
}
