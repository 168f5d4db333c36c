package dev.azid.benchmarks;

import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;

/**
 * Child JVM for the "nothing configured" comparison: com.azure:azure-identity's
 * {@code DefaultAzureCredential} with default settings ({@code getTokenSync}), reading the environment
 * the parent gave this process. Prints the time from building the credential to the final error.
 */
public final class FailThroughAzureIdentity {

    private FailThroughAzureIdentity() {
    }

    /**
     * Entry point.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        try {
            new DefaultAzureCredentialBuilder().build()
                    .getTokenSync(new TokenRequestContext().addScopes("https://management.azure.com/.default"));
            ChildOutput.printAndExit("unexpected token", 1);
        } catch (RuntimeException e) {
            ChildOutput.printAndExit(FailThroughResult.line((System.nanoTime() - start) / 1e6, e), 0);
        }
    }
}
