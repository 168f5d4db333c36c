package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.Reply;
import dev.azid.emulator.EmulatorConfig.Tenant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A minimal Azure Resource Manager: {@code GET /subscriptions} for a valid ARM bearer token. */
final class ArmHandler {

    private static final Set<String> ARM_AUDIENCES = Set.of("https://management.azure.com", "https://management.core.windows.net");

    private final Directory directory;
    private final Tokens tokens;
    private final Clock clock;
    private final List<String> ownBaseUrls;

    ArmHandler(Directory directory, Tokens tokens, Clock clock, List<String> ownBaseUrls) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
        this.ownBaseUrls = List.copyOf(ownBaseUrls);
    }

    /** @return the answer to ARM paths other than {@code /subscriptions} */
    static Reply notServed() {
        return Reply.json(404, Map.of("error", Map.of("code", "NotFound",
                "message", "The emulator serves only GET /subscriptions.")));
    }

    Reply subscriptions(Call call) {
        String auth = call.header("Authorization").orElse(null);
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return unauthorized(call, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.",
                    null);
        }
        Map<String, Object> claims = tokens.verify(auth.substring(7).trim());
        if (claims == null) {
            return unauthorized(call, "InvalidAuthenticationToken", "The access token is invalid: its signature could not "
                    + "be verified.", "invalid_token");
        }
        Object exp = claims.get("exp");
        if (!(exp instanceof Number n) || n.longValue() <= clock.instant().getEpochSecond()) {
            return unauthorized(call, "ExpiredAuthenticationToken", "The access token expiry UTC time is earlier than "
                    + "current UTC time.", "invalid_token");
        }
        String aud = trim(String.valueOf(claims.get("aud")));
        boolean own = ownBaseUrls.stream().anyMatch(b -> trim(b).equalsIgnoreCase(aud));
        if (!ARM_AUDIENCES.contains(aud) && !own) {
            return unauthorized(call, "InvalidAuthenticationTokenAudience", "The access token has been obtained for wrong "
                    + "audience or resource '" + claims.get("aud") + "'. It should exactly match with one of the allowed "
                    + "audiences 'https://management.core.windows.net/','https://management.azure.com/'.", "invalid_token");
        }
        // An AD FS token has no tid: AD FS has one realm, which the emulator serves as its first tenant.
        boolean adfs = claims.get("tid") == null && String.valueOf(claims.get("iss")).endsWith("/adfs/services/trust");
        Tenant tenant = adfs ? directory.firstTenant().orElse(null)
                : directory.config().tenant(String.valueOf(claims.get("tid"))).orElse(null);
        if (tenant == null) {
            return unauthorized(call, "InvalidAuthenticationTokenTenant", "The access token is from a tenant this "
                    + "emulator does not know.", "invalid_token");
        }
        List<Object> value = new ArrayList<>();
        tenant.subscriptions().forEach(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", "/subscriptions/" + s.subscriptionId());
            m.put("authorizationSource", "RoleBased");
            m.put("managedByTenants", List.of());
            m.put("subscriptionId", s.subscriptionId());
            m.put("tenantId", tenant.tenantId());
            m.put("displayName", s.displayName());
            m.put("state", s.state());
            m.put("subscriptionPolicies", Map.of("locationPlacementId", "Public_2014-09-01", "quotaId", "PayAsYouGo_2014-09-01",
                    "spendingLimit", "Off"));
            value.add(m);
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("value", value);
        body.put("count", Map.of("type", "Total", "value", value.size()));
        return Reply.json(200, body);
    }

    private Reply unauthorized(Call call, String code, String message, String oauthError) {
        String tenant = directory.firstTenantId();
        StringBuilder challenge = new StringBuilder("Bearer authorization_uri=\"" + RealHosts.loginBase(call.baseUrl()) + "/" + tenant
                + "\", error=\"" + (oauthError == null ? "invalid_token" : oauthError) + "\", error_description=\""
                + message.replace("\"", "'") + "\"");
        return Reply.json(401, Map.of("error", Map.of("code", code, "message", message)))
                .withHeader("WWW-Authenticate", challenge.toString());
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
