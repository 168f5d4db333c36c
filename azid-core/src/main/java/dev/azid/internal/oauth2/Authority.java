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
     * The regional token service of this authority's cloud, for confidential clients that opt in:
     * {@code https://{region}.login.microsoft.com} for the public cloud, {@code https://{region}.{host}}
     * elsewhere. AD FS has no regions.
     *
     * @param region a region name such as {@code westus2}
     * @return the regional authority
     */
    public Authority regional(String region) {
        if (isAdfs()) {
            return this;
        }
        String h = host.getHost();
        boolean publicCloud = h.equalsIgnoreCase("login.microsoftonline.com") || h.equalsIgnoreCase("login.microsoft.com")
                || h.equalsIgnoreCase("login.windows.net") || h.equalsIgnoreCase("sts.windows.net");
        String regionalHost = region + "." + (publicCloud ? "login.microsoft.com" : h);
        return new Authority(URI.create(host.getScheme() + "://" + regionalHost
                + (host.getPort() == -1 ? "" : ":" + host.getPort()) + (host.getRawPath() == null ? "" : host.getRawPath())),
                tenant);
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
