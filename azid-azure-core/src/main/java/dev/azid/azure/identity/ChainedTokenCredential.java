package dev.azid.azure.identity;

/**
 * Tries credentials in order; the first to return a token serves every later request. An azure-core {@code TokenCredential} with the name and behaviour of
 * {@code com.azure.identity.ChainedTokenCredential}, backed by {@code dev.azid.ChainedTokenCredential}. Built by {@link ChainedTokenCredentialBuilder}.
 * Thread-safe.
 */
public final class ChainedTokenCredential extends BackedCredential {

    ChainedTokenCredential(dev.azid.TokenCredential azid) {
        super(azid);
    }
}
