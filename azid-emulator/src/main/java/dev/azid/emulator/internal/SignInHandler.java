package dev.azid.emulator.internal;

import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The pages a person uses: {@code /{tenant}/oauth2/v2.0/authorize} (a sign-in form for configured
 * users; on success a redirect with {@code code} and {@code state}), {@code /{tenant}/oauth2/v2.0/devicecode}
 * and the {@code /devicelogin} page where a user enters a device code.
 */
final class SignInHandler {

    private final EmulatorState state;

    SignInHandler(EmulatorState state) {
        this.state = state;
    }

    Reply authorize(Call call, Tenant tenant) {
        Map<String, String> p = call.method().equals("POST") ? call.form() : call.query();
        String redirect = p.get("redirect_uri");
        String clientId = p.get("client_id");
        if (clientId == null || redirect == null || !"code".equals(p.get("response_type"))) {
            return html(400, "<h1>Bad request</h1><p>client_id, redirect_uri and response_type=code are required.</p>");
        }
        if (!state.knowsClient(tenant, clientId)) {
            return html(400, "<h1>AADSTS700016</h1><p>Application with identifier '" + esc(clientId)
                    + "' was not found in the directory.</p>");
        }
        if (!redirect.startsWith("http://localhost") && !redirect.startsWith("http://127.0.0.1")) {
            return html(400, "<h1>AADSTS50011</h1><p>The redirect URI " + esc(redirect) + " is not registered.</p>");
        }
        String challenge = p.get("code_challenge");
        if (challenge != null && !"S256".equals(p.get("code_challenge_method"))) {
            return redirect(redirect, Map.of("error", "invalid_request", "error_description",
                    "AADSTS501491: code_challenge_method must be S256.", "state", p.getOrDefault("state", "")));
        }
        if ("none".equals(p.get("prompt"))) {
            return redirect(redirect, Map.of("error", "login_required", "error_description",
                    "AADSTS50058: A silent sign-in request was sent but no user is signed in.", "state", p.getOrDefault("state", "")));
        }
        if (call.method().equals("POST") && p.containsKey("username")) {
            if ("cancel".equals(p.get("action"))) {
                return redirect(redirect, Map.of("error", "access_denied", "error_description",
                        "AADSTS65004: User declined to consent to access the app.", "state", p.getOrDefault("state", "")));
            }
            Optional<User> user = user(tenant, p.get("username"), p.get("password"));
            if (user.isPresent()) {
                String code = "code." + UUID.randomUUID();
                state.sessions().codes.put(code, new UserSessions.Code(clientId, redirect, challenge, user.get(), tenant,
                        Arrays.asList(p.getOrDefault("scope", "").split("\\s+")), state.clock().instant().plusSeconds(600)));
                return redirect(redirect, Map.of("code", code, "state", p.getOrDefault("state", "")));
            }
            return form(call, p, "AADSTS50126: Error validating credentials due to invalid username or password.");
        }
        return form(call, p, null);
    }

    Reply deviceCode(Call call, Tenant tenant) {
        String clientId = call.form().get("client_id");
        String scope = call.form().get("scope");
        if (clientId == null || scope == null) {
            throw Problem.missing(clientId == null ? "client_id" : "scope");
        }
        if (!state.knowsClient(tenant, clientId)) {
            throw new Problem(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not "
                    + "found in the directory '" + tenant.displayName() + "'.");
        }
        String deviceCode = "dc." + UUID.randomUUID();
        String userCode = userCode();
        state.sessions().devices.put(deviceCode, new UserSessions.Device(clientId, userCode, tenant,
                Arrays.asList(scope.trim().split("\\s+")), state.clock().instant().plus(Duration.ofMinutes(15)), null, false));
        String uri = call.baseUrl() + "/devicelogin";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_code", userCode);
        body.put("device_code", deviceCode);
        body.put("verification_uri", uri);
        body.put("expires_in", 900);
        body.put("interval", 1);
        body.put("message", "To sign in, use a web browser to open the page " + uri + " and enter the code " + userCode
                + " to authenticate.");
        return Reply.json(200, body);
    }

    Reply deviceLogin(Call call) {
        Map<String, String> f = call.form();
        if (!call.method().equals("POST")) {
            return html(200, "<h1>Enter code</h1><form method=\"post\"><input name=\"user_code\" placeholder=\"Code\">"
                    + "<input name=\"username\" placeholder=\"Email\"><input name=\"password\" type=\"password\">"
                    + "<button name=\"action\" value=\"approve\" id=\"approve\">Sign in</button>"
                    + "<button name=\"action\" value=\"decline\" id=\"decline\">Decline</button></form>");
        }
        for (Map.Entry<String, UserSessions.Device> e : state.sessions().devices.entrySet()) {
            UserSessions.Device d = e.getValue();
            if (!d.userCode().equalsIgnoreCase(f.getOrDefault("user_code", "").trim())) {
                continue;
            }
            if ("decline".equals(f.get("action"))) {
                state.sessions().devices.put(e.getKey(), new UserSessions.Device(d.clientId(), d.userCode(), d.tenant(),
                        d.scopes(), d.expiresAt(), null, true));
                return html(200, "<h1>Declined</h1><p>You declined the sign-in.</p>");
            }
            Optional<User> user = user(d.tenant(), f.get("username"), f.get("password"));
            if (user.isEmpty()) {
                return html(200, "<h1>Sign-in failed</h1><p id=\"error\">AADSTS50126: invalid username or password.</p>");
            }
            state.sessions().devices.put(e.getKey(), new UserSessions.Device(d.clientId(), d.userCode(), d.tenant(),
                    d.scopes(), d.expiresAt(), user.get(), false));
            return html(200, "<h1>Signed in</h1><p>You can close this window.</p>");
        }
        return html(200, "<h1>Unknown code</h1><p id=\"error\">AADSTS70018: the code is not valid.</p>");
    }

    private static String userCode() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return sb.toString();
    }

    private static Optional<User> user(Tenant tenant, String username, String password) {
        return tenant.users().stream().filter(u -> u.username().equalsIgnoreCase(String.valueOf(username).trim())
                && u.password().equals(password)).findFirst();
    }

    private Reply form(Call call, Map<String, String> p, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String k : List.of("client_id", "response_type", "redirect_uri", "scope", "state", "code_challenge",
                "code_challenge_method", "nonce", "prompt", "response_mode")) {
            if (p.containsKey(k)) {
                hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(esc(p.get(k)))
                        .append("\">");
            }
        }
        String hint = p.getOrDefault("login_hint", "");
        return html(200, "<!doctype html><html><head><title>Sign in - azid emulator</title></head><body><h1>Sign in</h1>"
                + (error == null ? "" : "<p id=\"error\">" + esc(error) + "</p>")
                + "<form method=\"post\" action=\"" + esc(call.path()) + "\">" + hidden
                + "<input id=\"username\" name=\"username\" value=\"" + esc(hint) + "\" placeholder=\"Email\">"
                + "<input id=\"password\" name=\"password\" type=\"password\" placeholder=\"Password\">"
                + "<button id=\"signin\" name=\"action\" value=\"signin\">Sign in</button>"
                + "<button id=\"cancel\" name=\"action\" value=\"cancel\">Cancel</button></form></body></html>");
    }

    private static Reply redirect(String uri, Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        // A fixed order, as Entra ID sends them: code or error first, state last.
        for (String k : List.of("code", "error", "error_description", "state")) {
            if (params.containsKey(k)) {
                q.append(q.length() == 0 ? "" : "&").append(k).append('=')
                        .append(URLEncoder.encode(params.get(k), StandardCharsets.UTF_8));
            }
        }
        return new Reply(302, Map.of("Location", uri + (uri.contains("?") ? "&" : "?") + q), new byte[0]);
    }

    private static Reply html(int status, String body) {
        return new Reply(status, Map.of("Content-Type", "text/html; charset=utf-8"), body.getBytes(StandardCharsets.UTF_8));
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
