package dev.azid;

import dev.azid.internal.util.Uris;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An Azure cloud: where its Entra ID authority and its Azure Resource Manager endpoint are.
 *
 * <p>The four named clouds are constants; a private cloud (Azure Stack Hub, an air-gapped cloud,
 * or the azid emulator) is built with {@link #builder()}.
 *
 * @param name the cloud's name as the Azure CLI spells it, for example {@code AzureCloud}
 * @param authorityHost the Entra ID authority host, for example
 *     {@code https://login.microsoftonline.com} (no trailing slash)
 * @param resourceManagerEndpoint the Azure Resource Manager endpoint, with a trailing slash
 * @param resourceManagerAudience the audience of ARM tokens; scope {@code audience + ".default"}
 */
public record AzureCloud(String name, URI authorityHost, URI resourceManagerEndpoint, String resourceManagerAudience) {

    /** The global Azure cloud. */
    public static final AzureCloud AZURE_PUBLIC_CLOUD = new AzureCloud("AzureCloud",
            URI.create("https://login.microsoftonline.com"), URI.create("https://management.azure.com/"),
            "https://management.core.windows.net/");

    /** Azure operated by 21Vianet in China. */
    public static final AzureCloud AZURE_CHINA_CLOUD = new AzureCloud("AzureChinaCloud",
            URI.create("https://login.chinacloudapi.cn"), URI.create("https://management.chinacloudapi.cn/"),
            "https://management.core.chinacloudapi.cn/");

    /** Azure Government (US). */
    public static final AzureCloud AZURE_US_GOVERNMENT = new AzureCloud("AzureUSGovernment",
            URI.create("https://login.microsoftonline.us"), URI.create("https://management.usgovcloudapi.net/"),
            "https://management.core.usgovcloudapi.net/");

    /** The retired Azure Germany cloud, kept for configurations that still name it. */
    public static final AzureCloud AZURE_GERMAN_CLOUD = new AzureCloud("AzureGermanCloud",
            URI.create("https://login.microsoftonline.de"), URI.create("https://management.microsoftazure.de/"),
            "https://management.core.cloudapi.de/");

    private static final List<AzureCloud> NAMED =
            List.of(AZURE_PUBLIC_CLOUD, AZURE_CHINA_CLOUD, AZURE_US_GOVERNMENT, AZURE_GERMAN_CLOUD);

    /** Validates and normalises the endpoints. */
    public AzureCloud {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authorityHost, "authorityHost");
        Objects.requireNonNull(resourceManagerEndpoint, "resourceManagerEndpoint");
        Objects.requireNonNull(resourceManagerAudience, "resourceManagerAudience");
        if (name.isBlank()) {
            throw new IllegalArgumentException("AzureCloud: the name is blank. Give the cloud a name.");
        }
        authorityHost = Uris.authorityHost(authorityHost.toString(), "AzureCloud authorityHost");
        resourceManagerEndpoint = Uris.withTrailingSlash(
                Uris.httpsOrLoopback(resourceManagerEndpoint, "AzureCloud resourceManagerEndpoint"));
        if (!resourceManagerAudience.endsWith("/")) {
            resourceManagerAudience = resourceManagerAudience + "/";
        }
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
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a custom {@link AzureCloud}. Not thread-safe. */
    public static final class Builder {
        private String name = "Custom";
        private String authorityHost;
        private String resourceManagerEndpoint;
        private String resourceManagerAudience;

        private Builder() {
        }

        /**
         * Sets the cloud's name (default {@code Custom}).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sets the Entra ID authority host (required). HTTPS, or HTTP on a loopback host.
         *
         * @param authorityHost for example {@code https://login.microsoftonline.com}
         * @return this builder
         */
        public Builder authorityHost(String authorityHost) {
            this.authorityHost = authorityHost;
            return this;
        }

        /**
         * Sets the Azure Resource Manager endpoint (required).
         *
         * @param resourceManagerEndpoint for example {@code https://management.azure.com/}
         * @return this builder
         */
        public Builder resourceManagerEndpoint(String resourceManagerEndpoint) {
            this.resourceManagerEndpoint = resourceManagerEndpoint;
            return this;
        }

        /**
         * Sets the audience of ARM tokens (default: the resource manager endpoint).
         *
         * @param audience for example {@code https://management.core.windows.net/}
         * @return this builder
         */
        public Builder resourceManagerAudience(String audience) {
            this.resourceManagerAudience = audience;
            return this;
        }

        /**
         * Builds the cloud.
         *
         * @return the cloud
         * @throws IllegalArgumentException if a required endpoint is missing or not HTTPS
         */
        public AzureCloud build() {
            if (authorityHost == null || authorityHost.isBlank()) {
                throw new IllegalArgumentException(
                        "AzureCloud: authorityHost is not set. Call authorityHost(\"https://login.example\").");
            }
            if (resourceManagerEndpoint == null || resourceManagerEndpoint.isBlank()) {
                throw new IllegalArgumentException("AzureCloud: resourceManagerEndpoint is not set. "
                        + "Call resourceManagerEndpoint(\"https://management.example/\").");
            }
            URI arm = Uris.parse(resourceManagerEndpoint.trim(), "AzureCloud resourceManagerEndpoint");
            String audience = resourceManagerAudience == null ? arm.toString() : resourceManagerAudience.trim();
            return new AzureCloud(name, URI.create(authorityHost.trim()), arm, audience);
        }
    }
}
