package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.EmulatorConfig.ManagedIdentity;
import dev.azid.emulator.EmulatorConfig.Resource;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.Reply;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Issues a managed identity's v1 access token and answers in one endpoint's response shape. */
final class MiTokens {

    /** The response shapes of the managed-identity endpoints. */
    enum Format { IMDS, APP_SERVICE, LEGACY }

    private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss xxx").withZone(ZoneOffset.UTC);

    private final Directory directory;
    private final Tokens tokens;
    private final Clock clock;

    MiTokens(Directory directory, Tokens tokens, Clock clock) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
    }

    Reply token(Call call, Map<String, String> params, ManagedIdentity mi, Format format) {
        String resource = params.get("resource");
        if (resource == null || resource.isBlank()) {
            return Reply.json(400, Map.of("error", "invalid_request", "error_description", "Required query variable 'resource' is missing"));
        }
        if (!known(resource, call)) {
            return Reply.json(400, Map.of("error", "invalid_resource", "error_description", "AADSTS500011: The resource "
                    + "principal named " + resource + " was not found in the tenant."));
        }
        Tenant tenant = directory.config().tenants().get(0);
        Instant now = clock.instant();
        long lifetime = directory.config().tokenLifetimeSeconds();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", resource);
        c.put("iss", "https://sts.windows.net/" + tenant.tenantId() + "/");
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.getEpochSecond() + lifetime);
        c.put("appid", mi.clientId());
        c.put("appidacr", "2");
        c.put("idp", "https://sts.windows.net/" + tenant.tenantId() + "/");
        c.put("idtyp", "app");
        c.put("oid", mi.objectId());
        c.put("sub", mi.objectId());
        c.put("tid", tenant.tenantId());
        c.put("ver", "1.0");
        c.put("xms_mirid", mi.resourceId());
        String jwt = tokens.sign(c, true);
        long expiresOn = now.getEpochSecond() + lifetime;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", jwt);
        switch (format) {
            case IMDS -> {
                body.put("refresh_token", "");
                body.put("expires_in", String.valueOf(lifetime));
                body.put("expires_on", String.valueOf(expiresOn));
                body.put("ext_expires_in", String.valueOf(lifetime));
                body.put("not_before", String.valueOf(now.getEpochSecond()));
            }
            case APP_SERVICE -> body.put("expires_on", String.valueOf(expiresOn));
            case LEGACY -> body.put("expires_on", LEGACY.format(Instant.ofEpochSecond(expiresOn)));
        }
        body.put("resource", resource);
        body.put("token_type", "Bearer");
        body.put("client_id", mi.clientId());
        return Reply.json(200, body);
    }

    private boolean known(String resource, Call call) {
        String r = resource.endsWith("/") ? resource.substring(0, resource.length() - 1) : resource;
        for (Resource res : directory.config().resources()) {
            String uri = res.appIdUri().endsWith("/") ? res.appIdUri().substring(0, res.appIdUri().length() - 1) : res.appIdUri();
            if (uri.equalsIgnoreCase(r) || res.appId().equalsIgnoreCase(r) || res.aliases().stream()
                    .anyMatch(a -> a.replaceAll("/$", "").equalsIgnoreCase(r))) {
                return true;
            }
        }
        return r.equalsIgnoreCase(call.baseUrl()) || r.equalsIgnoreCase(call.baseUrl().replace("http://", "https://"));
    }
}
