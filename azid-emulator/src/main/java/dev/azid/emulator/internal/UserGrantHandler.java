package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The token endpoint's user grants: authorization code (with PKCE), refresh token (rotating),
 * password (ROPC) and device code polling.
 */
final class UserGrantHandler {

    private final EmulatorState state;
    private final UserTokens tokens;

    UserGrantHandler(EmulatorState state) {
        this.state = state;
        this.tokens = new UserTokens(state);
    }

    Reply handle(Call call, Tenant tenant, String grant) {
        String clientId = call.form().get("client_id");
        if (clientId == null || clientId.isBlank()) {
            throw Problem.missing("client_id");
        }
        if (!state.knowsClient(tenant, clientId)) {
            throw new Problem(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not "
                    + "found in the directory '" + tenant.displayName() + "'.");
        }
        return switch (grant) {
            case "authorization_code" -> code(call, clientId);
            case "refresh_token" -> refresh(call, clientId);
            case "password" -> password(call, clientId, tenant);
            case "urn:ietf:params:oauth:grant-type:device_code" -> device(call, clientId);
            case "urn:ietf:params:oauth:grant-type:jwt-bearer" -> onBehalfOf(call, clientId, tenant);
            default -> throw new Problem(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant "
                    + "type '" + grant + "'.");
        };
    }

    private Reply code(Call call, String clientId) {
        String code = required(call, "code");
        UserSessions.Code c = state.sessions().codes.remove(code);
        if (c == null) {
            throw new Problem(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry "
                    + "with a new valid code or use an existing refresh token.");
        }
        if (state.clock().instant().isAfter(c.expiresAt())) {
            throw new Problem(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired "
                    + "due to inactivity. Send a new interactive authorization request for this user and resource.");
        }
        if (!c.clientId().equals(clientId) || !c.redirectUri().equals(call.form().get("redirect_uri"))) {
            throw new Problem(400, "invalid_grant", 50148, "The code was issued to another client or redirect URI.");
        }
        if (c.challenge() != null) {
            String verifier = call.form().get("code_verifier");
            if (verifier == null || !c.challenge().equals(s256(verifier))) {
                throw new Problem(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge "
                        + "supplied in the authorization request.");
            }
        }
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, c.user(), c.tenant(), scopes(call, c.scopes())));
    }

    private Reply refresh(Call call, String clientId) {
        String token = required(call, "refresh_token");
        if (state.sessions().revokedRefreshTokens.contains(token)) {
            throw new Problem(400, "invalid_grant", 50173, "The provided grant has expired due to it being revoked, a "
                    + "fresh auth token is needed. The user might have changed or reset their password.");
        }
        UserSessions.Refresh r = state.sessions().refreshTokens.remove(token);
        if (r == null || !r.clientId().equals(clientId)) {
            throw new Problem(400, "invalid_grant", 700082, "The refresh token has expired or was already used. The user "
                    + "must sign in again.");
        }
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
        String code = required(call, "device_code");
        UserSessions.Device d = state.sessions().devices.get(code);
        if (d == null || !d.clientId().equals(clientId)) {
            throw new Problem(400, "bad_verification_code", 70018, "The provided value for the 'device_code' is not valid.");
        }
        if (state.clock().instant().isAfter(d.expiresAt())) {
            state.sessions().devices.remove(code);
            throw new Problem(400, "expired_token", 70019, "Verification code expired.");
        }
        if (d.declined()) {
            state.sessions().devices.remove(code);
            throw new Problem(400, "authorization_declined", 70000, "The user declined the request.");
        }
        if (d.user() == null) {
            throw new Problem(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. "
                    + "Continue polling.");
        }
        state.sessions().devices.remove(code);
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, d.user(), d.tenant(), d.scopes()));
    }

    /** On-behalf-of: the incoming user token must be valid and meant for this API (or the client itself). */
    private Reply onBehalfOf(Call call, String clientId, Tenant tenant) {
        if (!"on_behalf_of".equals(call.form().get("requested_token_use"))) {
            throw Problem.missing("requested_token_use");
        }
        java.util.Map<String, Object> claims = state.tokens().verify(required(call, "assertion"));
        if (claims == null) {
            throw new Problem(400, "invalid_grant", 50013, "Assertion failed signature validation.");
        }
        if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= state.clock().instant().getEpochSecond()) {
            throw new Problem(400, "invalid_grant", 500133, "Assertion is not within its valid time range.");
        }
        if (!"user".equals(claims.get("idtyp"))) {
            throw new Problem(400, "invalid_grant", 50013, "Assertion is not a user's token.");
        }
        String aud = String.valueOf(claims.get("aud"));
        boolean forThisApi = aud.equalsIgnoreCase(clientId) || state.config().resources().stream().anyMatch(r ->
                r.appId().equalsIgnoreCase(aud) || r.appIdUri().replaceAll("/$", "").equalsIgnoreCase(aud.replaceAll("/$", "")));
        if (!forThisApi) {
            throw new Problem(400, "invalid_grant", 50013, "Assertion audience does not match the client app.");
        }
        User user = tenant.users().stream().filter(u -> u.objectId().equalsIgnoreCase(String.valueOf(claims.get("oid"))))
                .findFirst().orElseThrow(() -> new Problem(400, "invalid_grant", 50034, "The user account does not exist."));
        return Reply.json(200, tokens.issue(call.baseUrl(), clientId, user, tenant, scopes(call, List.of())));
    }

    private static List<String> scopes(Call call, List<String> fallback) {
        String scope = call.form().get("scope");
        return scope == null || scope.isBlank() ? fallback : Arrays.asList(scope.trim().split("\\s+"));
    }

    private static String required(Call call, String name) {
        String v = call.form().get(name);
        if (v == null || v.isBlank()) {
            throw Problem.missing(name);
        }
        return v;
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
