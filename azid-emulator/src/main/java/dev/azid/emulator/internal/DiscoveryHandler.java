package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** OpenID Connect discovery, JWKS and AAD instance discovery. */
final class DiscoveryHandler {

    private final Directory directory;
    private final Tokens tokens;

    DiscoveryHandler(Directory directory, Tokens tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    Reply openidConfiguration(Call call, String tenantSegment, boolean v2) {
        String s = tenantSegment.toLowerCase(Locale.ROOT);
        boolean alias = s.equals("common") || s.equals("organizations") || s.equals("consumers");
        String tid;
        if (s.equals("adfs")) {
            tid = "adfs";
        } else if (alias) {
            tid = "{tenantid}";
        } else {
            tid = directory.config().tenant(tenantSegment).map(t -> t.tenantId()).orElseThrow(() -> new Problem(400,
                    "invalid_tenant", 90002, "Tenant '" + tenantSegment + "' not found. Check to make sure you have the "
                    + "correct tenant ID and are signing into the correct cloud."));
        }
        String base = call.baseUrl() + "/" + tenantSegment;
        String version = v2 ? "/v2.0" : "";
        if (s.equals("adfs")) {
            base = call.baseUrl() + "/adfs";
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("token_endpoint", base + "/oauth2" + version + "/token");
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_post", "private_key_jwt", "client_secret_basic"));
        doc.put("jwks_uri", base + "/discovery" + version + "/keys");
        doc.put("response_modes_supported", List.of("query", "fragment", "form_post"));
        doc.put("subject_types_supported", List.of("pairwise"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("response_types_supported", List.of("code", "id_token", "code id_token", "id_token token"));
        doc.put("scopes_supported", List.of("openid", "profile", "email", "offline_access"));
        doc.put("issuer", s.equals("adfs") ? call.baseUrl() + "/adfs"
                : v2 ? RealHosts.v2Issuer(call.baseUrl(), tid) : RealHosts.v1Issuer(call.baseUrl(), tid));
        if (s.equals("adfs")) {
            doc.put("access_token_issuer", AdfsClaims.accessTokenIssuer(call.baseUrl()));
        }
        doc.put("request_uri_parameter_supported", false);
        doc.put("authorization_endpoint", base + "/oauth2" + version + "/authorize");
        doc.put("device_authorization_endpoint", base + "/oauth2" + version + "/devicecode");
        doc.put("end_session_endpoint", base + "/oauth2" + version + "/logout");
        doc.put("claims_supported", List.of("sub", "iss", "aud", "exp", "iat", "nbf", "name", "oid", "tid", "ver"));
        doc.put("tenant_region_scope", "EU");
        doc.put("cloud_instance_name", RealHosts.loginCloud(call.baseUrl()).map(RealHosts.Cloud::instanceName)
                .orElse("azid.emulator"));
        return Reply.json(200, doc);
    }

    Reply jwks() {
        return Reply.json(200, tokens.jwks());
    }

    Reply instanceDiscovery(Call call) {
        if (RealHosts.loginCloud(call.baseUrl()).isPresent()) {
            return RealInstanceDiscovery.answer(call);
        }
        String authorize = call.query().get("authorization_endpoint");
        String host = call.baseUrl().replaceFirst("^https?://", "");
        String port = host.substring(host.indexOf(':'));
        String tenant = "{tenant}";
        if (authorize != null) {
            String[] segs = authorize.replaceFirst("^https?://[^/]+/", "").split("/");
            if (segs.length > 0 && !segs[0].isEmpty()) {
                tenant = segs[0];
            }
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("preferred_network", host);
        metadata.put("preferred_cache", host);
        metadata.put("aliases", List.of(host, "127.0.0.1" + port, "localhost" + port));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tenant_discovery_endpoint", call.baseUrl() + "/" + tenant + "/v2.0/.well-known/openid-configuration");
        doc.put("api-version", call.query().getOrDefault("api-version", "1.1"));
        doc.put("metadata", List.of(metadata));
        return Reply.json(200, doc);
    }
}
