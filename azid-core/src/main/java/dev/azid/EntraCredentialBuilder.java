package dev.azid;

import java.util.Objects;

/**
 * The settings that every Microsoft Entra ID credential's builder shares, written once: the
 * {@link CredentialOptions}, the tenant and the application (client) id. Each credential's
 * {@code Builder} extends it once (the only builder inheritance in azid, one level deep and
 * package-private) and adds only its own settings; whether the tenant or client id is required,
 * and its default, is stated on that credential.
 *
 * @param <B> the credential's builder, returned by every setter for chaining
 */
abstract class EntraCredentialBuilder<B extends EntraCredentialBuilder<B>> {

    /** The shared options; never {@code null}. */
    CredentialOptions options = CredentialOptions.defaults();
    /** The tenant, as set (validated by {@code build()}), or the credential's default. */
    String tenantId;
    /** The application (client) id, as set (validated by {@code build()}), or the credential's default. */
    String clientId;

    EntraCredentialBuilder() {
    }

    /**
     * Sets what this credential shares with every credential: authority host or cloud, HTTP
     * transport, executor, environment, additionally allowed tenants (default
     * {@link CredentialOptions#defaults()}).
     *
     * @param options the options
     * @return this builder
     */
    public final B options(CredentialOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        return self();
    }

    /**
     * Sets the directory (tenant) to authenticate in.
     *
     * @param tenantId a tenant id (GUID) or domain such as {@code contoso.onmicrosoft.com}
     * @return this builder
     */
    public final B tenantId(String tenantId) {
        this.tenantId = tenantId;
        return self();
    }

    /**
     * Sets the application (client) id of the app registration.
     *
     * @param clientId the client id
     * @return this builder
     */
    public final B clientId(String clientId) {
        this.clientId = clientId;
        return self();
    }

    @SuppressWarnings("unchecked")
    private B self() {
        // Sound: every subclass is declared as `Builder extends EntraCredentialBuilder<Builder>`.
        return (B) this;
    }
}
