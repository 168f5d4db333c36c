package dev.azid.emulator.internal;

import dev.azid.emulator.Call;
import dev.azid.emulator.EmulatorConfig.Tenant;
import dev.azid.emulator.EmulatorConfig.User;
import dev.azid.emulator.Reply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Device authorization: {@code /{tenant}/oauth2/v2.0/devicecode} hands out a device code and a user
 * code, the {@code /devicelogin} page is where a user enters the user code and signs in (or
 * declines), and the token endpoint's {@code device_code} grant polls through {@link #poll}. Owns
 * the device codes.
 */
final class DeviceCodeHandler {

    /**
     * A device code and its state.
     *
     * @param clientId the client
     * @param userCode the code the user types
     * @param tenant the tenant
     * @param scopes the scopes
     * @param expiresAt when it expires
     * @param user the user once approved, else {@code null}
     * @param declined whether the user declined
     */
    private record Device(String clientId, String userCode, Tenant tenant, List<String> scopes, Instant expiresAt, User user,
            boolean declined) {
    }

    private final Directory directory;
    private final Clock clock;
    /** Device codes handed out and not yet redeemed, expired or declined. */
    private final Map<String, Device> devices = new ConcurrentHashMap<>();

    DeviceCodeHandler(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    Reply deviceCode(Call call, Tenant tenant) {
        String clientId = call.form().get("client_id");
        String scope = call.form().get("scope");
        if (clientId == null || scope == null) {
            throw Problem.missing(clientId == null ? "client_id" : "scope");
        }
        if (!directory.knowsClient(tenant, clientId)) {
            throw new Problem(400, "unauthorized_client", 700016, "Application with identifier '" + clientId + "' was not "
                    + "found in the directory '" + tenant.displayName() + "'.");
        }
        String deviceCode = "dc." + UUID.randomUUID();
        String userCode = userCode();
        devices.put(deviceCode, new Device(clientId, userCode, tenant, Arrays.asList(scope.trim().split("\\s+")),
                clock.instant().plus(Duration.ofMinutes(15)), null, false));
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
            return Pages.html(200, "<h1>Enter code</h1><form method=\"post\"><input name=\"user_code\" placeholder=\"Code\">"
                    + "<input name=\"username\" placeholder=\"Email\"><input name=\"password\" type=\"password\">"
                    + "<button name=\"action\" value=\"approve\" id=\"approve\">Sign in</button>"
                    + "<button name=\"action\" value=\"decline\" id=\"decline\">Decline</button></form>");
        }
        for (Map.Entry<String, Device> e : devices.entrySet()) {
            Device d = e.getValue();
            if (!d.userCode().equalsIgnoreCase(f.getOrDefault("user_code", "").trim())) {
                continue;
            }
            if ("decline".equals(f.get("action"))) {
                devices.put(e.getKey(), new Device(d.clientId(), d.userCode(), d.tenant(), d.scopes(), d.expiresAt(), null, true));
                return Pages.html(200, "<h1>Declined</h1><p>You declined the sign-in.</p>");
            }
            Optional<User> user = Pages.user(d.tenant(), f.get("username"), f.get("password"));
            if (user.isEmpty()) {
                return Pages.html(200, "<h1>Sign-in failed</h1><p id=\"error\">AADSTS50126: invalid username or password.</p>");
            }
            devices.put(e.getKey(), new Device(d.clientId(), d.userCode(), d.tenant(), d.scopes(), d.expiresAt(), user.get(),
                    false));
            return Pages.html(200, "<h1>Signed in</h1><p>You can close this window.</p>");
        }
        return Pages.html(200, "<h1>Unknown code</h1><p id=\"error\">AADSTS70018: the code is not valid.</p>");
    }

    /**
     * Polls a device code for the token endpoint; an approved, declined or expired code is used up.
     *
     * @param code the device code
     * @param clientId the client polling
     * @return the approved sign-in
     * @throws Problem {@code authorization_pending}, {@code authorization_declined}, {@code expired_token} or
     *     {@code bad_verification_code}
     */
    SignIn poll(String code, String clientId) {
        Device d = devices.get(code);
        if (d == null || !d.clientId().equals(clientId)) {
            throw new Problem(400, "bad_verification_code", 70018, "The provided value for the 'device_code' is not valid.");
        }
        if (clock.instant().isAfter(d.expiresAt())) {
            devices.remove(code);
            throw new Problem(400, "expired_token", 70019, "Verification code expired.");
        }
        if (d.declined()) {
            devices.remove(code);
            throw new Problem(400, "authorization_declined", 70000, "The user declined the request.");
        }
        if (d.user() == null) {
            throw new Problem(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. "
                    + "Continue polling.");
        }
        devices.remove(code);
        return new SignIn(d.user(), d.tenant(), d.scopes());
    }

    private static String userCode() {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            sb.append(letters.charAt(ThreadLocalRandom.current().nextInt(letters.length())));
        }
        return sb.toString();
    }
}
