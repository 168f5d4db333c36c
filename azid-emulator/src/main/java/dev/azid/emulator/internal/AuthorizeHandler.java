package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import dev.azid.emulator.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code /{tenant}/oauth2/v2.0/authorize}: a sign-in form for configured users; on success a redirect
 * with {@code code} and {@code state}. Owns the codes it issues, which the token endpoint's
 * {@code authorization_code} grant redeems through {@link #redeem}.
 */
final class AuthorizeHandler {

    /**
     * An issued authorization code.
     *
     * @param clientId the client it was issued to
     * @param redirectUri the redirect URI it was issued for
     * @param challenge the PKCE S256 challenge, or {@code null}
     * @param signIn the user's sign-in
     * @param expiresAt when it expires
     */
    private record Code(String clientId, String redirectUri, String challenge, SignIn signIn, Instant expiresAt) {
    }

    private final Directory directory;
    private final Clock clock;
    /** Issued, not yet redeemed codes. */
    private final Map<String, Code> codes = new ConcurrentHashMap<>();

    AuthorizeHandler(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    Reply authorize(Call call, Tenant tenant) {
        Map<String, String> p = call.method().equals("POST") ? call.form() : call.query();
        String redirect = p.get("redirect_uri");
        String clientId = p.get("client_id");
        if (clientId == null || redirect == null || !"code".equals(p.get("response_type"))) {
            return Pages.html(400, "<h1>Bad request</h1><p>client_id, redirect_uri and response_type=code are required.</p>");
        }
        if (!directory.knowsClient(tenant, clientId)) {
            return Pages.html(400, "<h1>AADSTS700016</h1><p>Application with identifier '" + Pages.esc(clientId)
                    + "' was not found in the directory.</p>");
        }
        if (!redirect.startsWith("http://localhost") && !redirect.startsWith("http://127.0.0.1")) {
            return Pages.html(400, "<h1>AADSTS50011</h1><p>The redirect URI " + Pages.esc(redirect) + " is not registered.</p>");
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
            Optional<User> user = Pages.user(tenant, p.get("username"), p.get("password"));
            if (user.isPresent()) {
                String code = "code." + UUID.randomUUID();
                codes.put(code, new Code(clientId, redirect, challenge, new SignIn(user.get(), tenant,
                        Arrays.asList(p.getOrDefault("scope", "").split("\\s+"))), clock.instant().plusSeconds(600)));
                return redirect(redirect, Map.of("code", code, "state", p.getOrDefault("state", "")));
            }
            return form(call, p, "AADSTS50126: Error validating credentials due to invalid username or password.");
        }
        return form(call, p, null);
    }

    /**
     * Redeems (and so uses up) an authorization code.
     *
     * @param call the token request (form {@code code}, {@code redirect_uri}, {@code code_verifier})
     * @param clientId the client redeeming it
     * @return the sign-in it stands for
     * @throws Problem AADSTS54005, 70008, 50148 or 501481 as Entra ID answers
     */
    SignIn redeem(Call call, String clientId) {
        Code c = codes.remove(UserGrantHandler.required(call, "code"));
        if (c == null) {
            throw new Problem(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry "
                    + "with a new valid code or use an existing refresh token.");
        }
        if (clock.instant().isAfter(c.expiresAt())) {
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
        return c.signIn();
    }

    private static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Reply form(Call call, Map<String, String> p, String error) {
        StringBuilder hidden = new StringBuilder();
        for (String k : List.of("client_id", "response_type", "redirect_uri", "scope", "state", "code_challenge",
                "code_challenge_method", "nonce", "prompt", "response_mode")) {
            if (p.containsKey(k)) {
                hidden.append("<input type=\"hidden\" name=\"").append(k).append("\" value=\"").append(Pages.esc(p.get(k)))
                        .append("\">");
            }
        }
        String hint = p.getOrDefault("login_hint", "");
        return Pages.html(200, "<!doctype html><html><head><title>Sign in - azid emulator</title></head><body><h1>Sign in</h1>"
                + (error == null ? "" : "<p id=\"error\">" + Pages.esc(error) + "</p>")
                + "<form method=\"post\" action=\"" + Pages.esc(call.path()) + "\">" + hidden
                + "<input id=\"username\" name=\"username\" value=\"" + Pages.esc(hint) + "\" placeholder=\"Email\">"
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
}
