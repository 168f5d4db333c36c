package dev.azid;

import dev.azid.internal.devtools.AzurePowerShellClient;
import java.time.Duration;

/**
 * Gets tokens from Azure PowerShell's signed-in account ({@code Connect-AzAccount}): runs
 * {@code pwsh -NoProfile -NonInteractive -EncodedCommand <script>} (then {@code powershell} on
 * Windows), whose script calls {@code Get-AzAccessToken}; requires Az.Accounts 2.2.0 or later and
 * reads the SecureString token of newer versions. Argument list only, {@code pwsh} resolved in the
 * absolute directories of {@code PATH}, timeout default 20 s; the scope's resource and the tenant
 * are checked against safe character sets (a leading {@code -} is refused) and embedded in the
 * script as quoted literals.
 *
 * <p>Unavailable when PowerShell or the Az module is missing, not signed in, or too slow; failed
 * when it runs and reports another error. Thread-safe.
 * Inside {@link DefaultAzureCredential} a run that fails is reported as unavailable instead
 * (same message, the failure as cause), so the chain moves on, as in azure-identity.
 */
public final class AzurePowerShellCredential extends DelegatingCredential {

    /** The credential's name, used in messages and logs. */
    public static final String NAME = "AzurePowerShellCredential";

    /** The default time one run of the tool may take: 20 s, as for every developer-tool credential. */
    public static final Duration DEFAULT_PROCESS_TIMEOUT = DeveloperToolBuilder.DEFAULT_PROCESS_TIMEOUT;

    private AzurePowerShellCredential(TokenCredential tokens) {
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

    /** Builds a {@link AzurePowerShellCredential}. Not thread-safe. */
    public static final class Builder extends DeveloperToolBuilder<Builder> {

        private Builder() {
        }

        /**
         * Builds the credential. Runs nothing.
         *
         * @return the credential
         * @throws IllegalArgumentException if a setting is invalid
         */
        public AzurePowerShellCredential build() {
            return new AzurePowerShellCredential(tokens(NAME, AzurePowerShellClient::new));
        }
    }
}
