package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import dev.azid.emulator.Reply;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * The token endpoint's user grants: authorization code (with PKCE), refresh token (rotating),
 * password (ROPC), device code polling and on-behalf-of. The codes, device codes and refresh tokens
 * belong to the handlers that issue them; this one redeems them through those handlers.
 */
final class UserGrantHandler {

    private final Directory directory;
    private final Tokens signer;
    private final Clock clock;
    private final UserTokens tokens;
    private final AuthorizeHandler authorize;
    private final DeviceCodeHandler deviceCodes;

    UserGrantHandler(Directory directory, Tokens signer, Clock clock, UserTokens tokens, AuthorizeHandler authorize,
            DeviceCodeHandler deviceCodes) {
        this.directory = directory;
        this.signer = signer;
        this.clock = clock;
        this.tokens = tokens;
        this.authorize = authorize;
        this.deviceCodes = deviceCodes;
    }

    Reply handle(Call call, Tenant tenant, String grant) {
        String clientId = call.form().get("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw Problem.missing("client_id");
        }
        if (!directory.knowsClient(tenant, clientId)) {
            throw new Problem(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not "
                    + "found in the directory '" + tenant.displayName() + "'.");
        }
        return switch (grant) {
            case "authorization_code" -> code(call, clientId);
            case "refresh_token" -> refresh(call, clientId);
            case "password" -> password(call, clientId, tenant);
            // MSAL.js and msal-node send the short form, which Entra accepts too.
            case "urn:ietf:params:oauth:grant-type:device_code", "device_code" -> device(call, clientId);
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> onBehalfOf(call, clientId, tenant);
            default -> throw new Problem(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant "
                    + "type '" + grant + "'.");
        };
    }

    private Reply code(Call call, String clientId) {
        SignIn c = authorize.redeem(call, clientId);
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, c.user(), c.tenant(), scopes(call, c.scopes())));
    }

    private Reply refresh(Call call, String clientId) {
        SignIn r = tokens.refreshTokens().redeem(required(call, "refresh_token"), clientId);
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, r.user(), r.tenant(), scopes(call, List.of())));
    }

    private Reply password(Call call, String clientId, Tenant tenant) {
        String username = required(call, "username");
        String password = required(call, "password");
        User user = tenant.users().stream().filter(u -> u.username().equalsIgnoreCase(username)).findFirst().orElse(null);
        if (user == null || !user.password().equals(password)) {
            throw new Problem(400, "invalid_grant", 50126, "Error validating credentials due to invalid username or password.");
        }
        if (user.mfaRequired()) {
            // The password was right; Conditional Access still wants a second factor, which this grant cannot give.
            throw new Problem(400, "invalid_grant", 50076, "Due to a configuration change made by your administrator, or "
                    + "because you moved to a new location, you must use multi-factor authentication to access '"
                    + String.join(" ", scopes(call, List.of())) + "'.");
        }
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, user, tenant, scopes(call, List.of())));
    }

    private Reply device(Call call, String clientId) {
        SignIn d = deviceCodes.poll(required(call, "device_code"), clientId);
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, d.user(), d.tenant(), d.scopes()));
    }

    /** On-behalf-of: the incoming user token must be valid and meant for this API (or the client itself). */
    private Reply onBehalfOf(Call call, String clientId, Tenant tenant) {
        if (!"on_behalf_of".equals(call.form().get("requested_token_use"))) {
            throw Problem.missing("requested_token_use");
        }
        java.util.Map<String, Object> claims = signer.verify(required(call, "assertion"));
        if (claims == null) {
            throw new Problem(400, "invalid_grant", 50013, "Assertion failed signature validation.");
        }
        if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= clock.instant().getEpochSecond()) {
            throw new Problem(400, "invalid_grant", 500133, "Assertion is not within its valid time range.");
        }
        if (!"user".equals(claims.get("idtyp"))) {
            throw new Problem(400, "invalid_grant", 50013, "Assertion is not a user's token.");
        }
        String aud = String.valueOf(claims.get("aud"));
        boolean forThisApi = aud.equalsIgnoreCase(clientId) || directory.config().resources().stream().anyMatch(r ->
                r.appId().equalsIgnoreCase(aud) || r.appIdUri().replaceAll("/$", "").equalsIgnoreCase(aud.replaceAll("/$", "")));
        if (!forThisApi) {
            throw new Problem(400, "invalid_grant", 500131, "Assertion audience does not match the Client app presenting "
                    + "the assertion. The audience in the assertion was '" + aud + "' and the expected audience is '"
                    + clientId + "' or one of the Application Uris of this application.");
        }
        User user = tenant.users().stream().filter(u -> u.objectId().equalsIgnoreCase(String.valueOf(claims.get("oid"))))
                .findFirst().orElseThrow(() -> new Problem(400, "invalid_grant", 50034, "The user account does not exist."));
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, user, tenant, scopes(call, List.of())));
    }

    private static List<String> scopes(Call call, List<String> fallback) {
        String scope = call.form().get("scope");
        return scope == null || scope.isBlank() ? fallback : Arrays.asList(scope.trim().split("\\s+"));
    }

    static String required(Call call, String name) {
        String v = call.form().get(name);
        if (v == null || v.isBlank()) {
            throw Problem.missing(name);
        }
        return v;
    }
}
