package dev.azid.azure.identity;

/**
 * Gets tokens from Azure PowerShell's sign-in (`Get-AzAccessToken`). An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.AzurePowerShellCredential}, backed by {@code dev.azid.AzurePowerShellCredential}. Built by {@link AzurePowerShellCredentialBuilder}.
 * Thread-safe.
 */
public final class AzurePowerShellCredential extends BackedCredential {

    AzurePowerShellCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
