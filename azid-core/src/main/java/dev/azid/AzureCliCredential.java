package dev.azid;

import dev.azid.internal.devtools.AzureCliClient;
import java.time.Duration;

/**
 * Gets tokens from the Azure CLI's signed-in account: runs
 * {@code az account get-access-token --output json --scope=S [--tenant=T] [--subscription=X]} from
 * an argument list (never a shell), with {@code az} resolved in the absolute directories of
 * {@code PATH} (relative entries such as {@code .} are ignored), standard input closed, a timeout
 * (default 20 s) after which the process tree is killed, and the scope, tenant and subscription
 * checked against safe character sets first; a value starting with {@code -}, which the tool could
 * read as an option, is refused ({@code build()} or {@code getToken} throws
 * {@link IllegalArgumentException}).
 *
 * <p>Unavailable when {@code az} is not installed, not signed in, or too slow; failed when it runs
 * and reports another error. Tokens are cached like every credential's. Thread-safe.
 * Inside {@link DefaultAzureCredential} a run that fails is reported as unavailable instead
 * (same message, the failure as cause), so the chain moves on, as in azure-identity.
 */
public final class AzureCliCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzureCliCredential";

    /** The default time one run of the tool may take: 20 s, as for every developer-tool credential. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = DeveloperToolBuilder.DEFAULT_PROCESS_TIMEOUT;

    private AzureCliCredential(TokenCredential tokens) {
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

    /** Builds a {@link AzureCliCredential}. Not thread-safe. */
    public static final class Builder extends DeveloperToolBuilder<Builder> {
        private String subscription;

        private Builder() {
        }

        /**
         * Sets the subscription whose tenant is used (default: the CLI's current subscription).
         *
         * @param subscription a subscription id or name
         * @return this builder
         */
        public Builder subscription(String subscription) {
            this.subscription = subscription;
            return this;
        }

        /**
         * Builds the credential. Runs nothing.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public AzureCliCredential build() {
            return new AzureCliCredential(tokens(NAME, (name, settings) -> new AzureCliClient(name, settings, subscription)));
        }
    }
}
