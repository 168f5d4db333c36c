package dev.azid.azure.identity;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * Builds an {@link EnvironmentCredential}, with the methods of
 * {@code com.azure.identity.EnvironmentCredentialBuilder}: a client secret, certificate or
 * username/password from {@code AZURE_TENANT_ID}, {@code AZURE_CLIENT_ID} and the variables that go
 * with them, read from {@link #configuration the configuration}. Not thread-safe.
 */
public final class EnvironmentCredentialBuilder extends CompatBuilder<EnvironmentCredentialBuilder> {

    /** Creates a builder configured by the environment. */
    public EnvironmentCredentialBuilder() {
    }

    /**
     * Sets the Entra ID authority host (default: {@code AZURE_AUTHORITY_HOST}, else the public cloud's).
     *
     * @param authorityHost the host URL
     * @return this builder
     */
    public EnvironmentCredentialBuilder authorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
        return this;
    }

    /**
     * Runs the reactive {@code getToken} and background refreshes on this executor (default: azid's
     * shared daemon pool). azid does not shut it down.
     *
     * @param executorService the executor
     * @return this builder
     */
    public EnvironmentCredentialBuilder executorService(ExecutorService executorService) {
        this.executor = Objects.requireNonNull(executorService, "executorService");
        return this;
    }

    /**
     * Reads the variables and builds the credential; incomplete variables make it unavailable when
     * asked for a token.
     *
     * @return the credential
     */
    public EnvironmentCredential build() {
        return new EnvironmentCredential(dev.azid.EnvironmentCredential.builder().options(options()).build());
    }
}
