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
}
