package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.EmulatorConfig.Application;
import dev.azid.emulator.EmulatorConfig.Resource;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.Reply;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** {@code POST /{tenant}/oauth2/v2.0/token}: the client credentials grant, with Entra's errors. */
final class TokenHandler {

    private static final java.util.Set<String> RESERVED = java.util.Set.of("openid", "profile", "offline_access", "email");

    private final Directory directory;
    private final Tokens tokens;
    private final Clock clock;
    private final List<String> baseUrls;
    private final ClientAuthenticator authenticator;
    private final UserGrantHandler userGrants;

    TokenHandler(Directory directory, Tokens tokens, Clock clock, List<String> baseUrls, UserGrantHandler userGrants) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
        this.baseUrls = List.copyOf(baseUrls);
        this.authenticator = new ClientAuthenticator(new AssertionVerifier(clock, tokens));
        this.userGrants = userGrants;
    }

    Reply handle(Call call, String tenantSegment) {
        List<String> otherBaseUrls = baseUrls.stream().filter(b -> !b.equals(call.baseUrl())).toList();
        String tokenPath = tenantSegment.equalsIgnoreCase("adfs") ? "/adfs/oauth2/token"
                : "/" + tenantSegment + "/oauth2/v2.0/token";
        if (!call.method().equals("POST")) {
            throw new Problem(405, "invalid_request", 900561, "The endpoint only accepts POST requests. Received a "
                    + call.method() + " request.");
        }
        if (!call.contentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw Problem.missing("grant_type");
        }
        String grant = call.form().get("grant_type");
        if (grant == null || grant.isBlank()) {
            throw Problem.missing("grant_type");
        }
        if (!grant.equals("client_credentials")) {
            Tenant userTenant = directory.userTenant(tenantSegment);
            boolean confidential = call.form().containsKey("client_secret") || call.form().containsKey("client_assertion")
                    || ClientAuthenticator.basicCredentials(call).isPresent();
            if (grant.equals("urn:ietf:params:oauth:grant-type:jwt-bearer") || confidential) {
                // On-behalf-of always, and other user grants when the client sends a credential, authenticate the client.
                String cid = call.form().getOrDefault("client_id", ClientAuthenticator.basicCredentials(call).map(c -> c[0]).orElse(""));
                List<String> urls = new ArrayList<>();
                urls.add(call.baseUrl() + tokenPath);
                otherBaseUrls.forEach(b -> urls.add(b + tokenPath));
                authenticator.authenticate(call, application(userTenant, cid), urls);
            }
            return userGrants.handle(call, userTenant, grant);
        }
        Tenant tenant = tenant(tenantSegment, grant);
        String clientId = call.form().getOrDefault("client_id", ClientAuthenticator.basicCredentials(call).map(c -> c[0]).orElse(null));
        if (clientId == null || clientId.isBlank()) {
            throw Problem.missing("client_id");
        }
        if (call.form().containsKey("resource")) {
            throw new Problem(400, "invalid_request", 901002, "The 'resource' request parameter is not supported.");
        }
        Application app = application(tenant, clientId);
        List<String> tokenUrls = new ArrayList<>();
        tokenUrls.add(call.baseUrl() + tokenPath);
        otherBaseUrls.forEach(b -> tokenUrls.add(b + tokenPath));
        int acr = authenticator.authenticate(call, app, tokenUrls);
        String scope = call.form().get("scope");
        if (scope == null || scope.isBlank()) {
            throw Problem.missing("scope");
        }
        ResolvedResource resource = resource(scope.trim(), tenant, call);
        return Reply.json(200, response(tenant, app, resource, acr, call.baseUrl(), tenantSegment.equalsIgnoreCase("adfs")));
    }

    private Tenant tenant(String segment, String grant) {
        String s = segment.toLowerCase(Locale.ROOT);
        if (s.equals("adfs") && !directory.config().tenants().isEmpty()) {
            // AD FS has a single realm: the emulator serves it as its first tenant.
            return directory.config().tenants().get(0);
        }
        if (s.equals("common") || s.equals("consumers")) {
            throw new Problem(400, "invalid_request", 9001023, "The grant type isn't supported over the /common or "
                    + "/consumers endpoints. Please use the /organizations or tenant-specific endpoint.");
        }
        if (s.equals("organizations")) {
            // Undocumented for this grant: an app-only token needs a tenant, so /organizations cannot serve it either.
            throw new Problem(400, "invalid_request", 90130, "Application is not supported over the /" + s
                    + " endpoint for the '" + grant + "' grant. Use a tenant-specific endpoint.");
        }
        return directory.config().tenant(segment).orElseThrow(() -> new Problem(400, "invalid_request", 90002, "Tenant '"
                + segment + "' not found. Check to make sure you have the correct tenant ID and are signing into the "
                + "correct cloud. Check with your subscription administrator, this may happen if there are no active "
                + "subscriptions for the tenant."));
    }

    private Application application(Tenant tenant, String clientId) {
        return directory.application(tenant, clientId).orElseThrow(() -> new Problem(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not "
                + "found in the directory '" + tenant.displayName() + "'. This can happen if the application has not been "
                + "installed by the administrator of the tenant or consented to by any user in the tenant. You may have "
                + "sent your authentication request to the wrong tenant."));
    }

    record ResolvedResource(String audience, Resource resource) {
    }

    private ResolvedResource resource(String scope, Tenant tenant, Call call) {
        // MSAL adds the OpenID Connect scopes even to client-credentials requests; Entra ID ignores them there.
        String[] scopes = java.util.Arrays.stream(scope.split("\\s+"))
                .filter(x -> !RESERVED.contains(x.toLowerCase(Locale.ROOT))).toArray(String[]::new);
        if (scopes.length == 0) {
            throw Problem.missing("scope");
        }
        if (scopes.length != 1) {
            throw new Problem(400, "invalid_scope", 70011, "The provided request must include a 'scope' input parameter. "
                    + "The provided value for the input parameter 'scope' is not valid: an application token is for one "
                    + "resource's '/.default' scope.");
        }
        if (!scopes[0].endsWith("/.default")) {
            throw new Problem(400, "invalid_scope", 1002012, "The provided value for scope " + scopes[0] + " is not valid. "
                    + "Client credential flows must have a scope value with /.default suffixed to the resource identifier "
                    + "(application ID URI).");
        }
        String requested = scopes[0].substring(0, scopes[0].length() - "/.default".length());
        for (Resource r : directory.config().resources()) {
            if (same(requested, r.appIdUri()) || requested.equalsIgnoreCase(r.appId())
                    || r.aliases().stream().anyMatch(a -> same(requested, a))) {
                return new ResolvedResource(r.accessTokenVersion() == 2 ? r.appId() : slash(requested, r.appIdUri()), r);
            }
        }
        if (same(requested, call.baseUrl()) || same(requested, call.baseUrl().replace("https://", "http://"))) {
            Resource arm = directory.config().resources().get(0);
            return new ResolvedResource(requested.endsWith("/") ? requested : requested + "/", arm);
        }
        throw new Problem(400, "invalid_resource", 500011, "The resource principal named " + requested + " was not found "
                + "in the tenant named " + tenant.displayName() + ". This can happen if the application has not been "
                + "installed by the administrator of the tenant or consented to by any user in the tenant.");
    }

    private static boolean same(String a, String b) {
        return trim(a).equalsIgnoreCase(trim(b));
    }

    private static String trim(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** v1 audiences keep the form the resource registered (with or without its trailing slash). */
    private static String slash(String requested, String registered) {
        return registered.endsWith("/") && !requested.endsWith("/") ? requested + "/" : requested;
    }

    private Map<String, Object> response(Tenant tenant, Application app, ResolvedResource resource, int acr, String base,
            boolean adfs) {
        Instant now = clock.instant();
        long lifetime = directory.config().tokenLifetimeSeconds();
        boolean v1 = resource.resource().accessTokenVersion() != 2;
        Map<String, Object> c = adfs ? AdfsClaims.of(base, app, resource.audience(), acr, now, lifetime)
                : entraClaims(tenant, app, resource, acr, base, now, lifetime);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("token_type", "Bearer");
        body.put("expires_in", lifetime);
        body.put("ext_expires_in", lifetime);
        if (lifetime >= 7200) {
            body.put("refresh_in", lifetime / 2);
        }
        body.put("access_token", tokens.sign(c, v1 || adfs));
        return body;
    }

    private static Map<String, Object> entraClaims(Tenant tenant, Application app, ResolvedResource resource, int acr,
            String base, Instant now, long lifetime) {
        boolean v1 = resource.resource().accessTokenVersion() != 2;
        String tid = tenant.tenantId();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("aud", resource.audience());
        c.put("iss", v1 ? RealHosts.v1Issuer(base, tid) : RealHosts.v2Issuer(base, tid));
        c.put("iat", now.getEpochSecond());
        c.put("nbf", now.getEpochSecond());
        c.put("exp", now.getEpochSecond() + lifetime);
        c.put("aio", UUID.randomUUID().toString().replace("-", ""));
        c.put(v1 ? "appid" : "azp", app.clientId());
        c.put(v1 ? "appidacr" : "azpacr", String.valueOf(acr));
        if (v1) {
            c.put("idp", RealHosts.v1Issuer(base, tid));
        }
        c.put("idtyp", "app");
        String oid = UUID.nameUUIDFromBytes(("sp:" + tid + ":" + app.clientId()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        c.put("oid", oid);
        c.put("rh", "0.AAAA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16) + ".");
        if (!app.roles().isEmpty()) {
            c.put("roles", app.roles());
        }
        c.put("sub", oid);
        c.put("tid", tid);
        c.put("uti", UUID.randomUUID().toString().replace("-", "").substring(0, 22));
        c.put("ver", v1 ? "1.0" : "2.0");
        return c;
    }
}
