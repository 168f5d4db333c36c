package dev.azid;

/**
 * The Microsoft Entra authority hosts of the named Azure clouds, as strings for
 * {@code authorityHost(...)} settings and {@code AZURE_AUTHORITY_HOST}; the same values, with
 * trailing slashes, as {@code com.azure.identity.AzureAuthorityHosts}. {@link AzureCloud} carries
 * them too, with every other endpoint of each cloud.
 */
public final class AzureAuthorityHosts {

    /** The public cloud: {@code https://login.microsoftonline.com/}. */
    public static final String AZURE_PUBLIC_CLOUD = "https://login.microsoftonline.com/";

    /** Azure operated by 21Vianet in China: {@code https://login.chinacloudapi.cn/}. */
    public static final String AZURE_CHINA = "https://login.chinacloudapi.cn/";

    /** The legacy Azure Germany cloud: {@code https://login.microsoftonline.de/}. */
    public static final String AZURE_GERMANY = "https://login.microsoftonline.de/";

    /** Azure US Government: {@code https://login.microsoftonline.us/}. */
    public static final String AZURE_GOVERNMENT = "https://login.microsoftonline.us/";

    private AzureAuthorityHosts() {
    }

    /**
     * The scope a no-argument {@code authenticate()} signs in for: the management API's
     * {@code .default} of the cloud the host belongs to, as {@code azure-identity} chooses it.
     *
     * @param authorityHost the credential's authority host
     * @return the scope, or {@code null} for a host of no named cloud
     */
    static String defaultScope(java.net.URI authorityHost) {
        String host = authorityHost.toString();
        host = host.endsWith("/") ? host : host + "/";
        switch (host) {
            case AZURE_PUBLIC_CLOUD:
                return "https://management.core.windows.net//.default";
            case AZURE_CHINA:
                return "https://management.core.chinacloudapi.cn//.default";
            case AZURE_GERMANY:
                return "https://management.core.cloudapi.de//.default";
            case AZURE_GOVERNMENT:
                return "https://management.core.usgovcloudapi.net//.default";
            default:
                return null;
        }
    }

    /**
     * The request of a no-argument {@code authenticate()}: {@link #defaultScope}'s scope.
     *
     * @param credentialName the credential, for the message
     * @param authorityHost the credential's authority host
     * @return the request
     * @throws CredentialUnavailableException for a host of no named cloud
     */
    static TokenRequestContext defaultRequest(String credentialName, java.net.URI authorityHost) {
        String scope = defaultScope(authorityHost);
        if (scope == null) {
            throw new CredentialUnavailableException(credentialName + ": authenticate() has no default scope for the "
                    + "authority host " + authorityHost + ". Call authenticate(TokenRequestContext) with the scope to "
                    + "sign in for.");
        }
        return TokenRequestContext.of(scope);
    }
}
