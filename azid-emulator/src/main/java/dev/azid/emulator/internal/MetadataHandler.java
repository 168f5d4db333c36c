package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /metadata/endpoints}: the emulator described as an Azure cloud, in the 2022-09-01
 * array shape (cloud name {@code AzidEmulator}) and the 2015-01-01 object shape, so that ARM
 * metadata discovery of the emulator yields a working private cloud. Served on a real ARM host
 * (transparent mode), it names that host's cloud and sends sign-ins to its Entra host.
 */
final class MetadataHandler {

    Reply endpoints(Call call) {
        String base = call.baseUrl();
        String apiVersion = call.query().getOrDefault("api-version", "");
        Map<String, Object> auth = new LinkedHashMap<>();
        // On a real ARM host (transparent mode) the cloud is that host's: clients sign in at its Entra host.
        Optional<RealHosts.Cloud> real = RealHosts.armCloud(base);
        auth.put("loginEndpoint", RealHosts.loginBase(base) + "/");
        auth.put("audiences", List.of("https://management.core.windows.net/", "https://management.azure.com/"));
        if (apiVersion.equals("2015-01-01")) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("galleryEndpoint", base + "/gallery/");
            doc.put("graphEndpoint", "https://graph.windows.net/");
            doc.put("portalEndpoint", base + "/portal/");
            doc.put("authentication", auth);
            return Reply.json(200, doc);
        }
        if (!apiVersion.equals("2022-09-01")) {
            return Reply.json(400, Map.of("error", Map.of("code", "InvalidApiVersionParameter", "message",
                    "The api-version '" + apiVersion + "' is invalid. The supported versions are '2022-09-01,2015-01-01'.")));
        }
        auth.put("tenant", "common");
        auth.put("identityProvider", "AAD");
        Map<String, Object> cloud = new LinkedHashMap<>();
        cloud.put("name", real.map(RealHosts.Cloud::armName).orElse("AzidEmulator"));
        cloud.put("portal", base + "/portal/");
        cloud.put("authentication", auth);
        cloud.put("media", "https://rest.media.azure.net");
        cloud.put("graphAudience", "https://graph.windows.net/");
        cloud.put("graph", "https://graph.windows.net/");
        cloud.put("microsoftGraphResourceId", "https://graph.microsoft.com/");
        cloud.put("resourceManager", base + "/");
        cloud.put("sqlManagement", "https://management.core.windows.net:8443/");
        cloud.put("batch", "https://batch.core.windows.net/");
        cloud.put("gallery", base + "/gallery/");
        cloud.put("logAnalyticsResourceId", "https://api.loganalytics.io");
        cloud.put("appInsightsResourceId", "https://api.applicationinsights.io");
        cloud.put("suffixes", Map.of("storage", "core.windows.net", "keyVaultDns", ".vault.azure.net",
                "sqlServerHostname", ".database.windows.net", "acrLoginServer", ".azurecr.io"));
        return Reply.json(200, List.of(cloud));
    }
}
