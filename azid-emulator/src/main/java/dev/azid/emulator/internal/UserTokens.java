package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Resource;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Issues the token response of a user sign-in: access token, rotating refresh token, id_token, client_info. */
final class UserTokens {

    static final Set<String> RESERVED = Set.of("openid", "profile", "offline_access", "email");

    private final Directory directory;
    private final Tokens signer;
    private final Clock clock;
    private final RefreshTokens refreshTokens = new RefreshTokens();

    UserTokens(Directory directory, Tokens signer, Clock clock) {
        this.directory = directory;
        this.signer = signer;
        this.clock = clock;
    }

    /** @return the refresh tokens this issuer hands out */
    RefreshTokens refreshTokens() {
        return refreshTokens;
    }

    /** The resource of user scopes: all must belong to one resource. */
    Resource resource(List<String> scopes, Tenant tenant) {
        Resource found = null;
        for (String scope : scopes) {
            if (RESERVED.contains(scope.toLowerCase(Locale.ROOT))) {
                continue;
            }
            int slash = scope.lastIndexOf('/');
            String uri = slash > scope.indexOf("//") + 1 ? scope.substring(0, slash) : scope;
            Resource r = directory.config().resources().stream().filter(res -> same(res.appIdUri(), uri)
                    || res.aliases().stream().anyMatch(a -> same(a, uri)) || res.appId().equalsIgnoreCase(uri)).findFirst()
                    .orElseThrow(() -> new Problem(400, "invalid_resource", 500011, "The resource principal named " + uri
                            + " was not found in the tenant named " + tenant.displayName() + "."));
            if (found != null && found != r) {
                throw new Problem(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not "
                        + "valid: the scopes belong to more than one resource.");
            }
            found = r;
        }
        if (found == null) {
            throw new Problem(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not "
                    + "valid: no resource scope was requested.");
        }
        return found;
    }

    Map<String, Object> issue(String base, String clientId, User user, Tenant tenant, List<String> scopes) {
        Resource resource = resource(scopes, tenant);
        Instant now = clock.instant();
        long lifetime = directory.config().tokenLifetimeSeconds();
        boolean v1 = resource.accessTokenVersion() != 2;
        String tid = tenant.tenantId();
        List<String> scp = new ArrayList<>();
        for (String s : scopes) {
            if (!RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
                String name = s.substring(s.lastIndexOf('/') + 1);
                scp.add(name.equals(".default") ? "user_impersonation" : name);
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", v1 ? resource.appIdUri() : resource.appId());
        c.put("iss", v1 ? RealHosts.v1Issuer(base, tid) : RealHosts.v2Issuer(base, tid));
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.getEpochSecond() + lifetime);
        c.put(v1 ? "appid" : "azp", clientId);
        c.put(v1 ? "appidacr" : "azpacr", "0");
        c.put("idtyp", "user");
        c.put("name", user.displayName());
        c.put("oid", user.objectId());
        c.put("scp", String.join(" ", scp));
        c.put("sub", user.objectId());
        c.put("tid", tid);
        c.put(v1 ? "upn" : "preferred_username", user.username());
        c.put("ver", v1 ? "1.0" : "2.0");
        String rt = refreshTokens.issue(clientId, user, tenant);
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("aud", clientId);
        id.put("iss", RealHosts.v2Issuer(base, tid));
        id.put("iat", now.getEpochSecond());
        id.put("nbf", now.getEpochSecond());
        id.put("exp", now.getEpochSecond() + 3600);
        id.put("name", user.displayName());
        id.put("oid", user.objectId());
        id.put("preferred_username", user.username());
        id.put("sub", user.objectId());
        id.put("tid", tid);
        id.put("ver", "2.0");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("scope", String.join(" ", scopes));
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        body.put("access_token", signer.sign(c, v1));
        body.put("refresh_token", rt);
        body.put("id_token", signer.sign(id, false));
        body.put("client_info", Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"uid\":\"" + user.objectId() + "\",\"utid\":\"" + tid + "\"}").getBytes(StandardCharsets.UTF_8)));
        return body;
    }

    private static boolean same(String a, String b) {
        return a.replaceAll("/$", "").equalsIgnoreCase(b.replaceAll("/$", ""));
    }
}
