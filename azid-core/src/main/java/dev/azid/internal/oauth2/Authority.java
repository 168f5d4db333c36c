package dev.azid.internal.oauth2;

import java.net.URI;

/**
 * An Entra ID (or AD FS) authority: host plus tenant, and the endpoints derived from them.
 *
 * @param host the authority host, without trailing slash, e.g. {@code https://login.microsoftonline.com}
 * @param tenant the tenant id, domain, or {@code adfs}
 */
public record Authority(URI host, String tenant) {

    /**
     * Tells whether this is an AD FS authority (tenant {@code adfs}), whose endpoints have no
     * {@code /v2.0} segment.
     *
     * @return whether it is AD FS
     */
    public boolean isAdfs() {
        return tenant.equalsIgnoreCase("adfs");
    }

    /**
     * The token endpoint.
     *
     * @return {@code {host}/{tenant}/oauth2/v2.0/token}, or {@code {host}/adfs/oauth2/token}
     */
    public URI tokenEndpoint() {
        return URI.create(host + "/" + tenant + (isAdfs() ? "/oauth2/token" : "/oauth2/v2.0/token"));
    }

    /**
     * The same host with another tenant.
     *
     * @param otherTenant the tenant
     * @return the authority
     */
    public Authority withTenant(String otherTenant) {
        return new Authority(host, otherTenant);
    }
}
