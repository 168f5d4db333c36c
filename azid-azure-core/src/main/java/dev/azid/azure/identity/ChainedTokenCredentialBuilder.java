package dev.azid.azure.identity;

import com.azure.core.credential.TokenCredential;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds a {@link ChainedTokenCredential}, with the methods of
 * {@code com.azure.identity.ChainedTokenCredentialBuilder}. Members may be this package's
 * credentials (their azid credentials then form an azid chain) or any other azure-core
 * {@link TokenCredential}: such a member's {@link CredentialUnavailableException} (this package's or
 * azure-identity's) moves the chain on, another
 * {@link com.azure.core.exception.ClientAuthenticationException} stops it. Not thread-safe.
 */
public final class ChainedTokenCredentialBuilder {

    private final List<TokenCredential> credentials = new ArrayList<>();

    /** Creates an empty chain. */
    public ChainedTokenCredentialBuilder() {
    }

    /**
     * Puts a credential at the front of the chain.
     *
     * @param credential the credential
     * @return this builder
     */
    public ChainedTokenCredentialBuilder addFirst(TokenCredential credential) {
        credentials.add(0, java.util.Objects.requireNonNull(credential, "credential"));
        return this;
    }

    /**
     * Appends a credential to the chain.
     *
     * @param credential the credential
     * @return this builder
     */
    public ChainedTokenCredentialBuilder addLast(TokenCredential credential) {
        credentials.add(java.util.Objects.requireNonNull(credential, "credential"));
        return this;
    }

    /**
     * Appends credentials to the chain, in the collection's order.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public ChainedTokenCredentialBuilder addAll(Collection<? extends TokenCredential> credentials) {
        credentials.forEach(this::addLast);
        return this;
    }

    /**
     * Builds the chain.
     *
     * @return the chain
     * @throws IllegalArgumentException if no credential was added
     */
    public ChainedTokenCredential build() {
        dev.azid.ChainedTokenCredential.Builder b = dev.azid.ChainedTokenCredential.builder();
        credentials.forEach(c -> b.addLast(ForeignCredential.of(c)));
        return new ChainedTokenCredential(b.build());
    }
}
