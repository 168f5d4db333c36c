package dev.azid.internal.cloud;

import dev.azid.AzureCloud;
import dev.azid.AzureCloud.Endpoints;
import dev.azid.AzureCloud.Suffixes;
import dev.azid.internal.json.JsonFormatException;
import dev.azid.internal.json.JsonObject;
import dev.azid.internal.util.EndpointUrl;
import dev.azid.internal.util.UrlUse;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Reads ARM cloud metadata: the 2022-09-01 array of clouds (by name, else by matching
 * {@code resourceManager}, else the only entry) and the 2015-01-01 single object. Throws only
 * {@link IllegalStateException} with a message that quotes no value.
 */
public final class MetadataParser {

    private MetadataParser() {
    }

    /**
     * Parses a metadata answer of either shape.
     *
     * @param body the JSON
     * @param armEndpoint the ARM URL the metadata was read from
     * @param name the wanted cloud's name, or {@code null}
     * @return the cloud
     */
    public static AzureCloud parse(byte[] body, URI armEndpoint, String name) {
        Object value;
        try {
            value = JsonObject.parseAny(body);
        } catch (JsonFormatException e) {
            throw new IllegalStateException("the answer is not JSON (" + e.getMessage() + ")");
        }
        try {
            if (value instanceof JsonObject o) {
                return fromObject2015(o, armEndpoint, name);
            }
            return fromArray2022((List<?>) value, armEndpoint, name);
        } catch (JsonFormatException | IllegalArgumentException e) {
            throw new IllegalStateException("the metadata is malformed (" + e.getMessage() + ")");
        }
    }

    private static AzureCloud fromArray2022(List<?> clouds, URI armEndpoint, String name) {
        JsonObject chosen = null;
        for (Object o : clouds) {
            if (!(o instanceof JsonObject c)) {
                throw new IllegalStateException("the metadata array holds something that is not a cloud object");
            }
            if (name != null && c.string("name").map(n -> n.equalsIgnoreCase(name)).orElse(false)) {
                chosen = c;
                break;
            }
            if (name == null && c.string("resourceManager").map(rm -> same(rm, armEndpoint.toString())).orElse(false)) {
                chosen = c;
            }
        }
        if (chosen == null && name == null && clouds.size() == 1) {
            chosen = (JsonObject) clouds.get(0);
        }
        if (chosen == null) {
            throw new IllegalStateException(name != null ? "the metadata lists no cloud named '" + name + "'"
                    : "the metadata lists " + clouds.size() + " clouds and none has resourceManager " + armEndpoint
                    + "; pass the cloud's name");
        }
        JsonObject auth = chosen.object("authentication")
                .orElseThrow(() -> new IllegalStateException("the cloud entry has no authentication object"));
        JsonObject suffixes = chosen.object("suffixes").orElse(null);
        Endpoints endpoints = new Endpoints(audience(auth).orElse(null), str(chosen, "sqlManagement"), str(chosen, "batch"),
                str(chosen, "gallery"), str(chosen, "portal"), str(chosen, "graph"), str(chosen, "microsoftGraphResourceId"),
                str(chosen, "media"), str(chosen, "logAnalyticsResourceId"), str(chosen, "appInsightsResourceId"),
                str(chosen, "activeDirectoryDataLake"));
        Suffixes s = suffixes == null ? Suffixes.NONE : new Suffixes(str(suffixes, "storage"), str(suffixes, "keyVaultDns"),
                str(suffixes, "sqlServerHostname"), str(suffixes, "acrLoginServer"),
                str(suffixes, "azureDataLakeStoreFileSystem"), str(suffixes, "azureDataLakeAnalyticsCatalogAndJob"));
        String rm = chosen.string("resourceManager").orElse(armEndpoint.toString());
        return build(chosen.string("name").orElse(name != null ? name : armEndpoint.getHost()), auth, rm, endpoints, s);
    }

    private static AzureCloud fromObject2015(JsonObject o, URI armEndpoint, String name) {
        JsonObject auth = o.object("authentication")
                .orElseThrow(() -> new IllegalStateException("it has no authentication object, so it is not ARM metadata"));
        Endpoints endpoints = new Endpoints(audience(auth).orElse(null), null, null, str(o, "galleryEndpoint"),
                str(o, "portalEndpoint"), str(o, "graphEndpoint"), null, null, null, null, null);
        return build(name != null ? name : armEndpoint.getHost(), auth, armEndpoint.toString(), endpoints, Suffixes.NONE);
    }

    private static AzureCloud build(String name, JsonObject auth, String resourceManager, Endpoints endpoints, Suffixes s) {
        String login = auth.string("loginEndpoint").filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException("authentication.loginEndpoint is missing"));
        // The learnt URLs pass the same rule as configured ones; the login endpoint as sent, before /adfs is cut.
        EndpointUrl.check(login, "authentication.loginEndpoint", UrlUse.AUTHORITY_HOST);
        URI rm = EndpointUrl.check(resourceManager, "resourceManager", UrlUse.RESOURCE_MANAGER);
        while (login.endsWith("/")) {
            login = login.substring(0, login.length() - 1);
        }
        boolean adfs = login.toLowerCase(Locale.ROOT).endsWith("/adfs")
                || auth.string("identityProvider").map(p -> p.equalsIgnoreCase("ADFS")).orElse(false);
        if (login.toLowerCase(Locale.ROOT).endsWith("/adfs")) {
            login = login.substring(0, login.length() - "/adfs".length());
        }
        String audience = audience(auth)
                .orElseThrow(() -> new IllegalStateException("authentication.audiences is missing or empty"));
        return new AzureCloud(name, URI.create(login), rm, audience, adfs ? "ADFS" : "AAD",
                endpoints, s);
    }

    private static java.util.Optional<String> audience(JsonObject auth) {
        List<Object> audiences = auth.array("audiences");
        return audiences.isEmpty() || !(audiences.get(0) instanceof String a) || a.isBlank()
                ? java.util.Optional.empty() : java.util.Optional.of(a);
    }

    private static String str(JsonObject o, String field) {
        return o.string(field).filter(v -> !v.isBlank()).orElse(null);
    }

    private static boolean same(String a, String b) {
        String x = a.endsWith("/") ? a.substring(0, a.length() - 1) : a;
        String y = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        return x.equalsIgnoreCase(y);
    }
}
