package dev.azid.emulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The real Entra ID, Azure Resource Manager and Key Vault host names of the named clouds, which
 * transparent (proxy) mode serves, and what Entra says about them: the instance discovery
 * metadata (preferred network and cache host, aliases, in the order Entra lists them) and each
 * cloud's token issuers. Listeners on 127.0.0.1 are not real hosts; for them every method falls
 * back to the listener's own base URL.
 */
public final class RealHosts {

    /**
     * One cloud.
     *
     * @param loginHosts its Entra hosts, the preferred network host first (instance discovery's aliases)
     * @param preferredCache the alias MSAL caches tokens under
     * @param instanceName OpenID metadata's {@code cloud_instance_name}
     * @param v1IssuerRoot the v1 token issuer before the tenant id, e.g. {@code https://sts.windows.net/}
     * @param armHosts its Azure Resource Manager hosts
     * @param vaultSuffix its Key Vault DNS suffix, starting with a dot
     * @param armName the cloud's name in ARM metadata ({@code AzureCloud}, ...), {@code null} without ARM
     */
    record Cloud(List<String> loginHosts, String preferredCache, String instanceName, String v1IssuerRoot,
            List<String> armHosts, String vaultSuffix, String armName) {

        String preferredNetwork() {
            return loginHosts.get(0);
        }
    }

    /*
     * As Entra's instance discovery lists them (metadata of api-version 1.1). v1 issuers: sts.windows.net for
     * the public and US Government clouds, sts.chinacloudapi.cn and sts.microsoftonline.de for the others.
     * The last entry is a host of the US Government cloud that discovery lists on its own; it has no ARM or vault.
     */
    private static final List<Cloud> CLOUDS = List.of(
            new Cloud(List.of("login.microsoftonline.com", "login.windows.net", "login.microsoft.com", "sts.windows.net"),
                    "login.windows.net", "microsoftonline.com", "https://sts.windows.net/",
                    List.of("management.azure.com"), ".vault.azure.net", "AzureCloud"),
            new Cloud(List.of("login.partner.microsoftonline.cn", "login.chinacloudapi.cn"),
                    "login.partner.microsoftonline.cn", "partner.microsoftonline.cn", "https://sts.chinacloudapi.cn/",
                    List.of("management.chinacloudapi.cn"), ".vault.azure.cn", "AzureChinaCloud"),
            new Cloud(List.of("login.microsoftonline.de"), "login.microsoftonline.de", "microsoftonline.de",
                    "https://sts.microsoftonline.de/", List.of("management.microsoftazure.de"), ".vault.microsoftazure.de",
                    "AzureGermanCloud"),
            new Cloud(List.of("login.microsoftonline.us", "login.usgovcloudapi.net"), "login.microsoftonline.us",
                    "microsoftonline.us", "https://sts.windows.net/", List.of("management.usgovcloudapi.net"),
                    ".vault.usgovcloudapi.net", "AzureUSGovernment"),
            new Cloud(List.of("login-us.microsoftonline.com"), "login-us.microsoftonline.com", "microsoftonline.us",
                    "https://sts.windows.net/", List.of(), null, null));

    /** Longest a DNS name may be. */
    private static final int MAX_HOST = 253;

    private RealHosts() {
    }

    /**
     * Whether transparent mode serves a host.
     *
     * @param host a host name, any case, without port
     * @return whether it is one of the real hosts
     */
    public static boolean served(String host) {
        return cloudOf(host).isPresent();
    }

    /**
     * The cloud a real host belongs to.
     *
     * @param host a host name, any case, without port
     * @return the cloud, empty for any other host
     */
    static Optional<Cloud> cloudOf(String host) {
        if (host == null || host.isEmpty() || host.length() > MAX_HOST) {
            return Optional.empty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (Cloud c : CLOUDS) {
            if (c.loginHosts().contains(h) || c.armHosts().contains(h) || isVault(c, h)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean isVault(Cloud c, String h) {
        if (c.vaultSuffix() == null || !h.endsWith(c.vaultSuffix())) {
            return false;
        }
        // One DNS label before the suffix: a vault name (3 to 24 letters, digits and dashes).
        String name = h.substring(0, h.length() - c.vaultSuffix().length());
        return name.matches("[a-z0-9](?:[a-z0-9-]{1,22})[a-z0-9]");
    }

    /**
     * The cloud of a listener's base URL, when it is a real Entra host.
     *
     * @param baseUrl e.g. {@code https://login.microsoftonline.com}
     * @return the cloud, empty for 127.0.0.1 listeners and ARM or vault hosts
     */
    static Optional<Cloud> loginCloud(String baseUrl) {
        String host = host(baseUrl);
        return cloudOf(host).filter(c -> c.loginHosts().contains(host));
    }

    /**
     * The v2 token issuer: on a real Entra host, the cloud's preferred host whichever alias the client used
     * (as Entra does); elsewhere the listener's base URL.
     *
     * @param baseUrl the listener's base URL
     * @param tid the tenant id
     * @return the issuer
     */
    static String v2Issuer(String baseUrl, String tid) {
        return loginCloud(baseUrl).map(c -> "https://" + c.preferredNetwork()).orElse(baseUrl) + "/" + tid + "/v2.0";
    }

    /**
     * The v1 token issuer: the cloud's STS, {@code https://sts.windows.net/} off the real hosts.
     *
     * @param baseUrl the listener's base URL
     * @param tid the tenant id
     * @return the issuer, ending in a slash
     */
    static String v1Issuer(String baseUrl, String tid) {
        return loginCloud(baseUrl).map(Cloud::v1IssuerRoot).orElse("https://sts.windows.net/") + tid + "/";
    }

    /**
     * Where a resource on this listener sends clients to sign in: on a real ARM or vault host its cloud's Entra
     * host, elsewhere the listener itself.
     *
     * @param baseUrl the listener's base URL
     * @return a base URL without trailing slash
     */
    static String loginBase(String baseUrl) {
        return cloudOf(host(baseUrl)).map(c -> "https://" + c.preferredNetwork()).orElse(baseUrl);
    }

    /**
     * The cloud whose Resource Manager a listener's base URL is, for ARM metadata.
     *
     * @param baseUrl the listener's base URL
     * @return the cloud, empty for 127.0.0.1 listeners and other hosts
     */
    static Optional<Cloud> armCloud(String baseUrl) {
        String host = host(baseUrl);
        return cloudOf(host).filter(c -> c.armHosts().contains(host));
    }

    /** @return instance discovery's {@code metadata}: every cloud's preferred network and cache host and aliases */
    static List<Map<String, Object>> discoveryMetadata() {
        return CLOUDS.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("preferred_network", c.preferredNetwork());
            m.put("preferred_cache", c.preferredCache());
            m.put("aliases", c.loginHosts());
            return m;
        }).toList();
    }

    private static String host(String baseUrl) {
        String rest = baseUrl.replaceFirst("^https?://", "");
        int end = rest.indexOf('/');
        rest = end < 0 ? rest : rest.substring(0, end);
        int colon = rest.lastIndexOf(':');
        return (colon < 0 ? rest : rest.substring(0, colon)).toLowerCase(Locale.ROOT);
    }
}
