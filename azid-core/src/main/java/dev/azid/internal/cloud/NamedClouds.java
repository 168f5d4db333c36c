package dev.azid.internal.cloud;

import dev.azid.AzureCloud;
import dev.azid.AzureCloud.Endpoints;
import dev.azid.AzureCloud.Suffixes;
import java.net.URI;

/**
 * The four named clouds. Endpoints and suffixes as msrestazure's cloud objects carry them, plus the
 * Microsoft Graph, Media, Log Analytics, Application Insights, Data Lake and container-registry
 * values of the Azure CLI's cloud table; US Government's authority is the current
 * {@code login.microsoftonline.us}. Only {@link AzureCloud}'s constants call these factories, once.
 */
public final class NamedClouds {

    /** @return the global Azure cloud */
    public static AzureCloud publicCloud() {
        return new AzureCloud("AzureCloud", URI.create("https://login.microsoftonline.com"),
            URI.create("https://management.azure.com/"), "https://management.core.windows.net/", "AAD",
            new Endpoints("https://management.core.windows.net/", "https://management.core.windows.net:8443/",
                    "https://batch.core.windows.net/", "https://gallery.azure.com/", "https://portal.azure.com",
                    "https://graph.windows.net/", "https://graph.microsoft.com/", "https://rest.media.azure.net",
                    "https://api.loganalytics.io", "https://api.applicationinsights.io", "https://datalake.azure.net/"),
            new Suffixes("core.windows.net", ".vault.azure.net", ".database.windows.net", ".azurecr.io",
                    "azuredatalakestore.net", "azuredatalakeanalytics.net"));
    }

    /** @return Azure operated by 21Vianet in China */
    public static AzureCloud chinaCloud() {
        return new AzureCloud("AzureChinaCloud", URI.create("https://login.chinacloudapi.cn"),
            URI.create("https://management.chinacloudapi.cn/"), "https://management.core.chinacloudapi.cn/", "AAD",
            new Endpoints("https://management.core.chinacloudapi.cn/", "https://management.core.chinacloudapi.cn:8443/",
                    "https://batch.chinacloudapi.cn/", "https://gallery.chinacloudapi.cn/", "https://portal.azure.cn",
                    "https://graph.chinacloudapi.cn/", "https://microsoftgraph.chinacloudapi.cn/",
                    "https://rest.media.chinacloudapi.cn", "https://api.loganalytics.azure.cn",
                    "https://api.applicationinsights.azure.cn", null),
            new Suffixes("core.chinacloudapi.cn", ".vault.azure.cn", ".database.chinacloudapi.cn", ".azurecr.cn", null, null));
    }

    /** @return Azure Government (US) */
    public static AzureCloud usGovernment() {
        return new AzureCloud("AzureUSGovernment",
            URI.create("https://login.microsoftonline.us"), URI.create("https://management.usgovcloudapi.net/"),
            "https://management.core.usgovcloudapi.net/", "AAD",
            new Endpoints("https://management.core.usgovcloudapi.net/", "https://management.core.usgovcloudapi.net:8443/",
                    "https://batch.core.usgovcloudapi.net/", "https://gallery.usgovcloudapi.net/",
                    "https://portal.azure.us", "https://graph.windows.net/", "https://graph.microsoft.us/",
                    "https://rest.media.usgovcloudapi.net", "https://api.loganalytics.us", "https://api.applicationinsights.us",
                    null),
            new Suffixes("core.usgovcloudapi.net", ".vault.usgovcloudapi.net", ".database.usgovcloudapi.net", ".azurecr.us",
                    null, null));
    }

    /** @return the retired Azure Germany cloud */
    public static AzureCloud germanCloud() {
        return new AzureCloud("AzureGermanCloud", URI.create("https://login.microsoftonline.de"),
            URI.create("https://management.microsoftazure.de/"), "https://management.core.cloudapi.de/", "AAD",
            new Endpoints("https://management.core.cloudapi.de/", "https://management.core.cloudapi.de:8443/",
                    "https://batch.cloudapi.de/", "https://gallery.cloudapi.de/", "https://portal.microsoftazure.de",
                    "https://graph.cloudapi.de/", "https://graph.microsoft.de", "https://rest.media.cloudapi.de",
                    null, null, null),
            new Suffixes("core.cloudapi.de", ".vault.microsoftazure.de", ".database.cloudapi.de", null, null, null));
    }

    private NamedClouds() {
    }
}
