package dev.azid;

import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import dev.azid.internal.util.Uris;
import java.net.URI;

/** Builds an {@link AzureCloud} for a private cloud. Not thread-safe. */
public final class AzureCloudBuilder {

    private String name = "Custom";
    private String authorityHost;
    private String resourceManagerEndpoint;
    private String resourceManagerAudience;
    private String identityProvider = "AAD";
    private AzureCloud.Endpoints endpoints = AzureCloud.Endpoints.NONE;
    private AzureCloud.Suffixes suffixes = AzureCloud.Suffixes.NONE;

    AzureCloudBuilder() {
    }

    AzureCloudBuilder(AzureCloud cloud) {
        this.name = cloud.name();
        this.authorityHost = cloud.authorityHost().toString();
        this.resourceManagerEndpoint = cloud.resourceManagerEndpoint().toString();
        this.resourceManagerAudience = cloud.resourceManagerAudience();
        this.identityProvider = cloud.identityProvider();
        this.endpoints = cloud.endpoints();
        this.suffixes = cloud.suffixes();
    }

    /**
     * Sets the cloud's name (default {@code Custom}).
     *
     * @param name the name
     * @return this builder
     */
    public AzureCloudBuilder name(String name) {
        this.name = name;
        return this;
    }

    /**
     * Sets the Entra ID or AD FS authority host (required). HTTPS, or HTTP on a loopback host.
     *
     * @param authorityHost for example {@code https://login.microsoftonline.com}
     * @return this builder
     */
    public AzureCloudBuilder authorityHost(String authorityHost) {
        this.authorityHost = authorityHost;
        return this;
    }

    /**
     * Sets the Azure Resource Manager endpoint (required).
     *
     * @param resourceManagerEndpoint for example {@code https://management.azure.com/}
     * @return this builder
     */
    public AzureCloudBuilder resourceManagerEndpoint(String resourceManagerEndpoint) {
        this.resourceManagerEndpoint = resourceManagerEndpoint;
        return this;
    }

    /**
     * Sets the audience of ARM tokens (default: the resource manager endpoint).
     *
     * @param audience for example {@code https://management.core.windows.net/}
     * @return this builder
     */
    public AzureCloudBuilder resourceManagerAudience(String audience) {
        this.resourceManagerAudience = audience;
        return this;
    }

    /**
     * Sets the identity provider, {@code AAD} (default) or {@code ADFS}.
     *
     * @param provider the provider
     * @return this builder
     */
    public AzureCloudBuilder identityProvider(String provider) {
        this.identityProvider = provider;
        return this;
    }

    /**
     * Sets the service endpoints.
     *
     * @param value the endpoints
     * @return this builder
     */
    public AzureCloudBuilder endpoints(AzureCloud.Endpoints value) {
        this.endpoints = value;
        return this;
    }

    /**
     * Sets the DNS suffixes.
     *
     * @param value the suffixes
     * @return this builder
     */
    public AzureCloudBuilder suffixes(AzureCloud.Suffixes value) {
        this.suffixes = value;
        return this;
    }

    /**
     * Builds the cloud.
     *
     * @return the cloud
     * @throws IllegalArgumentException if a required endpoint is missing or breaks the endpoint rule
     *     (https, or http on loopback; no user info, query, fragment, traversal or whitespace)
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
        // Checked here, as given: URI.create would quote a refused value (user info included) in its message.
        URI host = Uris.authorityHost(authorityHost, "AzureCloud: authorityHost");
        URI arm = EndpointUrl.check(resourceManagerEndpoint, "AzureCloud: resourceManagerEndpoint", UrlUse.RESOURCE_MANAGER);
        String audience = resourceManagerAudience == null ? arm.toString() : resourceManagerAudience.trim();
        return new AzureCloud(name, host, arm, audience, identityProvider, endpoints, suffixes);
    }
}
