package dev.azid;

import java.util.Objects;

/**
 * The settings that every Microsoft Entra ID credential's builder shares on top of
 * {@link CredentialBuilder}, written once: the tenant, the application (client) id and the
 * persistent token cache. Each credential's {@code Builder} extends it (package-private) and adds
 * only its own settings; whether the tenant or client id is required, and its default, is stated on
 * that credential.
 *
 * @param <B> the credential's builder, returned by every setter for chaining
 */
abstract class EntraCredentialBuilder<B extends EntraCredentialBuilder<B>> extends CredentialBuilder<B> {

    /** The tenant, as set (validated by {@code build()}), or the credential's default. */
    String tenantId;
    /** The application (client) id, as set (validated by {@code build()}), or the credential's default. */
    String clientId;
    /** The persistent token cache, or {@code null} for memory only. */
    TokenCachePersistenceOptions persistence;

    EntraCredentialBuilder() {
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

    /**
     * Keeps this credential's tokens in a persistent cache as well as in memory, so that other
     * processes with the same configuration, and later runs, are served without signing in again
     * (default: memory only). The cache's protections are those of
     * {@link TokenCachePersistenceOptions}: a private file, encrypted unless clear text was allowed.
     *
     * <p>The user sign-in credentials (device code, browser) keep the user's session there, found
     * again through {@code authenticationRecord(...)}. The other credentials keep their access
     * tokens there, each under a key made from the client id, the authority, the tenant, the scopes
     * and a fingerprint of the credential material (the secret, the certificate, the user's name and
     * password, the on-behalf-of user's assertion, the authorization code): one client's or user's
     * token is never served to another. A {@code clientAssertion} supplier cannot be fingerprinted
     * without calling it, so its tokens are keyed by client, authority and tenant only, as MSAL keys
     * them; a certificate read from a stream is fingerprinted per process, so its tokens are shared
     * with later calls of the same process only.
     *
     * @param value the cache
     * @return this builder
     */
    public final B tokenCachePersistenceOptions(TokenCachePersistenceOptions value) {
        this.persistence = Objects.requireNonNull(value, "tokenCachePersistenceOptions");
        return self();
    }
}
