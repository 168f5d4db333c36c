package dev.azid.benchmarks;

import dev.azid.DefaultAzureCredential;
import dev.azid.TokenRequestContext;

/**
 * Child JVM for the "nothing configured" comparison: azid's {@code DefaultAzureCredential} with
 * default settings, reading the environment the parent gave this process (no credentials, an empty
 * {@code PATH}, {@code AZURE_POD_IDENTITY_AUTHORITY_HOST} at a closed or silent port). Prints the time
 * from building the credential to the final error.
 */
public final class FailThroughAzid {

    private FailThroughAzid() {
    }

    /**
     * Entry point.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        long start = System.nanoTime();
        try {
            DefaultAzureCredential.builder().build()
                    .getToken(TokenRequestContext.of("https://management.azure.com/.default"));
            ChildOutput.printAndExit("unexpected token", 1);
        } catch (RuntimeException e) {
            ChildOutput.printAndExit(FailThroughResult.line((System.nanoTime() - start) / 1e6, e), 0);
        }
    }
}
