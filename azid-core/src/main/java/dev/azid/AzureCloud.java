package dev.azid;

import dev.azid.internal.cloud.NamedClouds;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import dev.azid.internal.util.Uris;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure cloud: its Entra ID authority, its Azure Resource Manager endpoint, and the other
 * endpoints and DNS suffixes of its services, as {@code msrestazure} and the Azure CLI's cloud table
 * describe them.
 *
 * <p>The four named clouds are constants; a private cloud (Azure Stack Hub, an air-gapped cloud,
 * the azid emulator) is built with {@link #builder()} or discovered from its ARM metadata endpoint
 * with {@link CloudDiscovery}. An AD FS cloud (Azure Stack Hub disconnected) has
 * {@link #identityProvider()} {@code ADFS}: credentials use tenant {@code adfs} there.
 *
 * @param name the cloud's name as the Azure CLI spells it, for example {@code AzureCloud}
 * @param authorityHost the Entra ID (or AD FS) authority host, without trailing slash and without
 *     the {@code /adfs} path segment
 * @param resourceManagerEndpoint the Azure Resource Manager endpoint, with a trailing slash
 * @param resourceManagerAudience the audience of ARM tokens ({@code active_directory_resource_id});
 *     scope {@code audience + ".default"}
 * @param identityProvider {@code AAD} or {@code ADFS}
 * @param endpoints the other service endpoints
 * @param suffixes the DNS suffixes of data-plane services
 */
public record AzureCloud(String name, URI authorityHost, URI resourceManagerEndpoint, String resourceManagerAudience,
        String identityProvider, Endpoints endpoints, Suffixes suffixes) {

    /** The global Azure cloud. */
    public static final AzureCloud AZURE_PUBLIC_CLOUD = NamedClouds.publicCloud();
    /** Azure operated by 21Vianet in China. */
    public static final AzureCloud AZURE_CHINA_CLOUD = NamedClouds.chinaCloud();
    /** Azure Government (US). */
    public static final AzureCloud AZURE_US_GOVERNMENT = NamedClouds.usGovernment();
    /** The retired Azure Germany cloud, kept for configurations that still name it. */
    public static final AzureCloud AZURE_GERMAN_CLOUD = NamedClouds.germanCloud();

    private static final List<AzureCloud> NAMED =
            List.of(AZURE_PUBLIC_CLOUD, AZURE_CHINA_CLOUD, AZURE_US_GOVERNMENT, AZURE_GERMAN_CLOUD);

    /**
     * Service endpoints and resource ids; {@code null} where a cloud has none.
     *
     * @param management the classic (ASM) management endpoint
     * @param sqlManagement the SQL management endpoint
     * @param batchResourceId the Batch resource id
     * @param gallery the gallery endpoint
     * @param portal the portal
     * @param activeDirectoryGraphResourceId the (retired) Azure AD Graph resource id
     * @param microsoftGraphResourceId the Microsoft Graph resource id
     * @param mediaResourceId the Media Services resource id
     * @param logAnalyticsResourceId the Log Analytics resource id
     * @param appInsightsResourceId the Application Insights resource id
     * @param dataLakeResourceId the Data Lake resource id
     */
    public record Endpoints(String management, String sqlManagement, String batchResourceId, String gallery, String portal,
            String activeDirectoryGraphResourceId, String microsoftGraphResourceId, String mediaResourceId,
            String logAnalyticsResourceId, String appInsightsResourceId, String dataLakeResourceId) {

        /** No endpoints. */
        public static final Endpoints NONE = new Endpoints(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * DNS suffixes; {@code null} where a cloud has none.
     *
     * @param storage storage accounts, e.g. {@code core.windows.net}
     * @param keyVaultDns key vaults, e.g. {@code .vault.azure.net}
     * @param sqlServerHostname SQL servers, e.g. {@code .database.windows.net}
     * @param acrLoginServer container registries, e.g. {@code .azurecr.io}
     * @param dataLakeStoreFileSystem Data Lake Store, e.g. {@code azuredatalakestore.net}
     * @param dataLakeAnalyticsCatalogAndJob Data Lake Analytics, e.g. {@code azuredatalakeanalytics.net}
     */
    public record Suffixes(String storage, String keyVaultDns, String sqlServerHostname, String acrLoginServer,
            String dataLakeStoreFileSystem, String dataLakeAnalyticsCatalogAndJob) {

        /** No suffixes. */
        public static final Suffixes NONE = new Suffixes(null, null, null, null, null, null);
    }

    /** Validates and normalises the endpoints. */
    public AzureCloud {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(resourceManagerEndpoint, "resourceManagerEndpoint");
        Objects.requireNonNull(resourceManagerAudience, "resourceManagerAudience");
        if (name.isBlank()) {
            throw new IllegalArgumentException("AzureCloud: the name is blank. Give the cloud a name.");
        }
        authorityHost = Uris.authorityHost(authorityHost.toString(), "AzureCloud: authorityHost");
        resourceManagerEndpoint = Uris.withTrailingSlash(EndpointUrl.check(resourceManagerEndpoint.toString(),
                "AzureCloud: resourceManagerEndpoint", UrlUse.RESOURCE_MANAGER));
        if (!resourceManagerAudience.endsWith("/")) {
            resourceManagerAudience = resourceManagerAudience + "/";
        }
        identityProvider = identityProvider == null ? "AAD" : identityProvider.toUpperCase(Locale.ROOT);
        if (!identityProvider.equals("AAD") && !identityProvider.equals("ADFS")) {
            throw new IllegalArgumentException("AzureCloud: identityProvider must be AAD or ADFS, not " + identityProvider + ".");
        }
        endpoints = endpoints == null ? Endpoints.NONE : endpoints;
        suffixes = suffixes == null ? Suffixes.NONE : suffixes;
    }

    /**
     * The named clouds: public, China, US Government and Germany.
     *
     * @return the named clouds
     */
    public static List<AzureCloud> namedClouds() {
        return NAMED;
    }

    /**
     * Finds a named cloud by its name ({@code AzureCloud}, {@code AzureChinaCloud},
     * {@code AzureUSGovernment}, {@code AzureGermanCloud}; case-insensitive).
     *
     * @param name the name
     * @return the cloud, or empty if no named cloud has that name
     */
    public static Optional<AzureCloud> fromName(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return NAMED.stream().filter(c -> c.name().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /**
     * The cloud the environment selects. Precedence: {@code ARM_CLOUD_METADATA_URL} (discovered)
     * &gt; {@code AZURE_CLOUD} (a named cloud) &gt; the public cloud.
     *
     * @param env the environment
     * @param discovery used when {@code ARM_CLOUD_METADATA_URL} is set
     * @return the cloud
     * @throws IllegalArgumentException if {@code AZURE_CLOUD} names no known cloud, or
     *     {@code ARM_CLOUD_METADATA_URL} is not a safe https URL
     * @throws CloudDiscoveryException if discovery fails
     */
    public static AzureCloud fromEnvironment(Environment env, CloudDiscovery discovery) {
        Optional<String> metadata = env.get("ARM_CLOUD_METADATA_URL").filter(s -> !s.isEmpty());
        if (metadata.isPresent()) {
            return discovery.discover(EndpointUrl.check(metadata.get(), "AzureCloud: ARM_CLOUD_METADATA_URL",
                    UrlUse.RESOURCE_MANAGER),
                    env.get("AZURE_CLOUD").map(String::trim).orElse(null));
        }
        return env.get("AZURE_CLOUD").map(String::trim).filter(s -> !s.isEmpty())
                .map(n -> fromName(n).orElseThrow(() -> new IllegalArgumentException("AZURE_CLOUD is '" + n
                        + "', which is not a known cloud. Use one of AzureCloud, AzureChinaCloud, AzureUSGovernment, "
                        + "AzureGermanCloud, or set ARM_CLOUD_METADATA_URL for a private cloud.")))
                .orElse(AZURE_PUBLIC_CLOUD);
    }

    /**
     * Whether the authority is AD FS (Azure Stack Hub disconnected).
     *
     * @return {@code true} for AD FS
     */
    public boolean isAdfs() {
        return identityProvider.equals("ADFS");
    }

    /**
     * The scope for Azure Resource Manager tokens in this cloud.
     *
     * @return {@code resourceManagerAudience + ".default"}
     */
    public String resourceManagerScope() {
        return resourceManagerAudience + ".default";
    }

    /**
     * Starts a builder for a private cloud.
     *
     * @return a new builder
     */
    public static AzureCloudBuilder builder() {
        return new AzureCloudBuilder();
    }

    /**
     * A builder holding this cloud's values, to change some of them.
     *
     * @return a new builder
     */
    public AzureCloudBuilder toBuilder() {
        return new AzureCloudBuilder(this);
    }
}
