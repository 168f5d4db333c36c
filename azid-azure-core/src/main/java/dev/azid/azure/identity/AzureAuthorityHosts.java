package dev.azid.azure.identity;

/**
 * The Entra ID authority hosts of the national clouds, for {@code authorityHost(...)}; the same
 * values as {@code com.azure.identity.AzureAuthorityHosts} and {@code dev.azid.AzureAuthorityHosts}.
 */
public final class AzureAuthorityHosts {

    /** The public cloud. */
    public static final String AZURE_PUBLIC_CLOUD = dev.azid.AzureAuthorityHosts.AZURE_PUBLIC_CLOUD;

    /** Azure operated by 21Vianet (China). */
    public static final String AZURE_CHINA = dev.azid.AzureAuthorityHosts.AZURE_CHINA;

    /** The retired German cloud. */
    public static final String AZURE_GERMANY = dev.azid.AzureAuthorityHosts.AZURE_GERMANY;

    /** Azure US Government. */
    public static final String AZURE_GOVERNMENT = dev.azid.AzureAuthorityHosts.AZURE_GOVERNMENT;

    private AzureAuthorityHosts() {
    }

    /**
     * azure-identity's default scope for {@code authenticate()}: the resource manager of the cloud of
     * an authority host.
     *
     * @param authorityHost the host, with or without a trailing slash
     * @return the scope, or {@code null} for a host of no known cloud
     */
    static String defaultScope(String authorityHost) {
        String host = authorityHost.endsWith("/") ? authorityHost : authorityHost + "/";
        switch (host) {
            case AZURE_PUBLIC_CLOUD: return "https://management.core.windows.net//.default";
            case AZURE_CHINA: return "https://management.core.chinacloudapi.cn//.default";
            case AZURE_GERMANY: return "https://management.core.cloudapi.de//.default";
            case AZURE_GOVERNMENT: return "https://management.core.usgovcloudapi.net//.default";
            default: return null;
        }
    }
}
