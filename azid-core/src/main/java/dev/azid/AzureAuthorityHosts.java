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
}
