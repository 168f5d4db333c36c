package dev.azid.azure.identity;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * What the compatibility builders of Entra ID credentials add to the tenant settings, as
 * {@code com.azure.identity.AadCredentialBuilderBase} does. Package-private: the public builders
 * expose these methods as their own.
 *
 * @param <T> the builder
 */
abstract class EntraCompatBuilder<T extends EntraCompatBuilder<T>> extends TenantCompatBuilder<T> {

    private TokenCachePersistenceOptions persistence;

    EntraCompatBuilder() {
    }

    /**
     * Sets the Entra ID authority host (default: {@code AZURE_AUTHORITY_HOST}, else the public cloud's),
     * for example {@link AzureAuthorityHosts#AZURE_GOVERNMENT}.
     *
     * @param authorityHost the host URL
     * @return this builder
     */
    public T authorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
        return self();
    }

    /**
     * Sets the application (client) id.
     *
     * @param clientId the client id
     * @return this builder
     */
    public T clientId(String clientId) {
        this.clientId = clientId;
        return self();
    }

    /**
     * Runs the reactive {@code getToken} and background refreshes on this executor (default: azid's
     * shared daemon pool). azid does not shut it down.
     *
     * @param executorService the executor
     * @return this builder
     */
    public T executorService(ExecutorService executorService) {
        this.executor = Objects.requireNonNull(executorService, "executorService");
        return self();
    }

    /**
     * Accepted, and changes nothing: azid performs no instance discovery, so it never calls the
     * public cloud to validate an authority.
     *
     * @return this builder
     */
    public T disableInstanceDiscovery() {
        return self();
    }

    /**
     * <b>Unsafe: logs secrets and tokens.</b> Logs every HTTP request and response, headers and bodies
     * included, at DEBUG on the logger {@code dev.azid.UnsafeSupportLogging}, as
     * {@code CredentialOptions.Builder.enableUnsafeSupportLogging} does; for a support case only.
     *
     * @return this builder
     */
    public T enableUnsafeSupportLogging() {
        this.unsafeSupportLogging = true;
        return self();
    }

    /**
     * Keeps this credential's tokens in a persistent cache as well as in memory, shared with other
     * processes and later runs, as {@code EntraCredentialBuilder.tokenCachePersistenceOptions} does:
     * user credentials keep the user's session, the others their access tokens, keyed so that one
     * client's or user's token is never served to another. (azure-identity has this setting on every
     * Entra ID builder but the workload identity and authorization code ones; azid honours it there too.)
     *
     * @param tokenCachePersistenceOptions the cache
     * @return this builder
     */
    public T tokenCachePersistenceOptions(TokenCachePersistenceOptions tokenCachePersistenceOptions) {
        this.persistence = Objects.requireNonNull(tokenCachePersistenceOptions, "tokenCachePersistenceOptions");
        return self();
    }

    /**
     * Sets the tenant, client id and persistent cache on the azid builder, each only when set here so
     * that the azid builder's defaults stay; its setters are taken one by one because its base type is
     * not public.
     */
    final void applyTo(Consumer<String> tenant, Consumer<String> client,
            Consumer<dev.azid.TokenCachePersistenceOptions> cache) {
        if (tenantId != null) {
            tenant.accept(tenantId);
        }
        if (clientId != null) {
            client.accept(clientId);
        }
        if (persistence != null) {
            cache.accept(persistence.azid(environment()));
        }
    }
}
