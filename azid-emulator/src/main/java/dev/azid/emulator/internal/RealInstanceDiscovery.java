package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /common/discovery/instance} on a real Entra host, answered as Entra does: the tenant
 * discovery endpoint on the authority's own host, and the metadata of every cloud (preferred network
 * and cache host, aliases). An authority on any other host is an unknown instance (AADSTS50049).
 */
final class RealInstanceDiscovery {

    private RealInstanceDiscovery() {
    }

    static Reply answer(Call call) {
        String authorize = call.query().get("authorization_endpoint");
        if (authorize == null || authorize.isBlank()) {
            throw new Problem(400, "invalid_request", 90014, "The required field 'authorization_endpoint' is missing from "
                    + "the credential. Ensure that you have all the necessary parameters for the login request.");
        }
        URI uri;
        try {
            uri = URI.create(authorize.trim());
        } catch (IllegalArgumentException e) {
            throw unknownInstance();
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || RealHosts.loginCloud("https://" + host).isEmpty()) {
            throw unknownInstance();
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        String[] segs = path.replaceFirst("^/", "").split("/");
        String tenant = segs.length > 0 && !segs[0].isEmpty() ? segs[0] : "common";
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant_discovery_endpoint", "https://" + host + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        doc.put("api-version", call.query().getOrDefault("api-version", "1.1"));
        doc.put("metadata", RealHosts.discoveryMetadata());
        return Reply.json(200, doc);
    }

    private static Problem unknownInstance() {
        return new Problem(400, "invalid_instance", 50049, "Unknown or invalid instance.");
    }
}
