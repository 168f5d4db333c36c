package dev.azid.emulator;

import dev.azid.emulator.internal.Json;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a running emulator serves, and what a client needs to trust and call it: the one list of
 * its endpoints. {@link EntraEmulator#endpoints()} returns it, and the standalone emulator's start
 * line is {@link #toJson()} of it, so each endpoint is named once. Immutable.
 *
 * @param authorityHost {@code https://127.0.0.1:<port>}, without a trailing slash: {@code AZURE_AUTHORITY_HOST}
 * @param httpAuthorityHost {@code http://127.0.0.1:<port>}: the same routes over plain HTTP
 * @param armEndpoint the ARM endpoint, {@code https://127.0.0.1:<port>/}
 * @param keyVaultEndpoint the Key Vault URL, {@code https://127.0.0.1:<port>/}: a vault of the first tenant serving
 *     {@code PUT} and {@code GET /secrets/...} behind Key Vault's bearer challenge (resource
 *     {@code https://vault.azure.net}); its host is not a {@code *.vault.azure.net} name, so Azure SDK clients need
 *     their challenge resource verification disabled
 * @param caCertificate the PEM file of the emulator's CA ({@code REQUESTS_CA_BUNDLE} for Python tools)
 * @param trustStore a PKCS#12 trust store holding the CA
 * @param trustStorePassword the trust store's password, {@code changeit}
 * @param imdsEndpoint the IMDS host, over HTTP as on a VM: {@code AZURE_POD_IDENTITY_AUTHORITY_HOST}
 * @param appServiceEndpoint the App Service (2019-08-01) endpoint: {@code IDENTITY_ENDPOINT}
 * @param legacyMsiEndpoint the legacy App Service / Azure ML (2017-09-01) endpoint: {@code MSI_ENDPOINT}
 * @param cloudShellEndpoint the Cloud Shell endpoint: {@code MSI_ENDPOINT} alone
 * @param arcIdentityEndpoint the Azure Arc endpoint: {@code IDENTITY_ENDPOINT} (with {@code IMDS_ENDPOINT} set)
 * @param arcKeyDirectory where the Arc endpoint writes the key files its challenges name
 * @param identityHeader the {@code IDENTITY_HEADER} / {@code MSI_SECRET} value the endpoints expect (a test fixture)
 * @param serviceFabricEndpoint the Service Fabric endpoint (its own self-signed HTTPS certificate): {@code IDENTITY_ENDPOINT}
 * @param serviceFabricThumbprint the SHA-1 thumbprint (hex) of that certificate: {@code IDENTITY_SERVER_THUMBPRINT}
 * @param githubTokenEndpoint the GitHub Actions OIDC endpoint: {@code ACTIONS_ID_TOKEN_REQUEST_URL}
 * @param pipelinesTokenEndpoint the Azure Pipelines OIDC endpoint: {@code SYSTEM_OIDCREQUESTURI}
 * @param ciRequestToken the bearer token the CI endpoints expect, {@link EmulatorConfig#CI_REQUEST_TOKEN}
 * @param tenantId the configuration's first tenant ({@link EmulatorConfig#DEFAULT_TENANT_ID} in the default
 *     configuration), or {@code common} when it has none
 * @param clientId that tenant's first app with a secret or certificate, else its first app
 *     ({@link EmulatorConfig#DEFAULT_CLIENT_ID} in the default configuration), or empty when it has none
 * @param proxyUrl transparent mode's HTTP proxy, {@code http://127.0.0.1:<port>} ({@code HTTPS_PROXY}): it serves the
 *     emulator as {@code login.microsoftonline.com} and the other real Entra ID, Resource Manager and Key Vault hosts,
 *     with certificates issued by {@code caCertificate}; {@code null} (and absent from {@link #toMap()}) when the
 *     mode is off
 */
public record EmulatorEndpoints(URI authorityHost, URI httpAuthorityHost, URI armEndpoint, URI keyVaultEndpoint,
        Path caCertificate, Path trustStore, String trustStorePassword, URI imdsEndpoint, URI appServiceEndpoint,
        URI legacyMsiEndpoint, URI cloudShellEndpoint, URI arcIdentityEndpoint, Path arcKeyDirectory, String identityHeader,
        URI serviceFabricEndpoint, String serviceFabricThumbprint, URI githubTokenEndpoint, URI pipelinesTokenEndpoint,
        String ciRequestToken, String tenantId, String clientId, URI proxyUrl) {

    /**
     * Every endpoint by its name, in declaration order; files as absolute paths; {@code proxyUrl} only when set.
     *
     * @return the names and values as text
     */
    public Map<String, String> toMap() {
        Map<String, String> out = new LinkedHashMap<>();
        for (RecordComponent c : EmulatorEndpoints.class.getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(this);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
            if (value == null && c.getName().equals("proxyUrl")) {
                continue;
            }
            out.put(c.getName(), value instanceof Path p ? p.toAbsolutePath().toString() : String.valueOf(value));
        }
        return out;
    }

    /**
     * The start line of the standalone emulator: {@link #toMap()} as one line of JSON.
     *
     * @return the JSON object, without a line break
     */
    public String toJson() {
        return Json.write(toMap());
    }
}
